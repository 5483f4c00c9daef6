<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CsvExport</name>
    <message>
        <source>Cannot open %1 for writing: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>no keychain is available (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access to the keychain was denied (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SseParser</name>
    <message>
        <source>event stream line longer than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event larger than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elevated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strip logprobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throttle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ModelGuard console: live usage and extraction risk of your LLM gateways.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the gateway admin API at URL for this session (nothing saved).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the admin token for --connect from FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the --connect connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of the main window to PATH and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait N milliseconds before the screenshot (default 2000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section to show first: overview, clients, keys, policies, detect, vaults, audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown section “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-after-ms needs a number of milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--connect needs an http(s)://host:port URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--connect needs --token-file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the token file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token file %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the screenshot to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshot: also write what the views show as JSON to FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the state report to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin changes are disabled: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::client::AdminService</name>
    <message>
        <source>No gateway is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local audit log is not available (%1): the console makes no change it cannot record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not connected (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of %1 has the %2 role: it may only read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the change: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer accepts the console&apos;s admin token (%2). Enter a valid token in File ▸ Connections….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for %1 may not make this change (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not know the object any more (%2). The view has been reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed while making the change (HTTP %2: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with something the console cannot read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the change (HTTP %2: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was closed before the change was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local audit log could not record it: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::client::ConnectionManager</name>
    <message>
        <source>no admin token is stored for this connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::client::ConsoleAudit</name>
    <message>
        <source>The audit log has not been opened yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder of the audit log (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the audit log %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be read (%1): admin actions are disabled until the audit log&apos;s key is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log&apos;s key in the keychain is damaged: admin actions are disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log %1 has %2 entries but its key is not in the keychain: admin actions are disabled (a new key would make every old entry look forged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not store the audit log&apos;s key (%1): admin actions are disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log could not record &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::client::GatewayConnection</name>
    <message>
        <source>no data on the event stream for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting in %1 s (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting… (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unauthorised: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unauthorised: %1 (retrying in %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error: %1 (retrying in %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incompatible: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol error: %1 (reconnecting in %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no admin token for this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read a CA certificate from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the client certificate from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the client key from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server certificate (SHA-256 %1) does not match the pinned one; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server certificate (SHA-256 %1) does not match the pinned one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the response is larger than %2 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no response within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: malformed JSON in the response (%2 at offset %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the daemon speaks admin API version %1; this console speaks version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the health answer has no api_version: not a ModelGuard admin listener?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the health answer has no gateway_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway rejected the admin token (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the snapshot has no valid last_event_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway rejected the admin token on the event stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event stream answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event stream has content type &quot;%1&quot;, expected text/event-stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event stream: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event id &quot;%1&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed JSON in event %1 (%2): %3 at offset %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1 (%2) is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway closed the event stream</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::AdminResultsDialog</name>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No gateway was selected: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied on %1 of %2 gateways.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::AlertListModel</name>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Gateway: %2 · alert %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::AlertNotifier</name>
    <message>
        <source>ModelGuard console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High-severity alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (gateway %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::AlertsPanel</name>
    <message>
        <source>Show acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected alerts as handled on their gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway %1 is not connected; the alert stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway %1 is not live (%2); try again when it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not acknowledge alert %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::ClientTableModel</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pinned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk %1 of 100 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::ClientsPage</name>
    <message>
        <source>Filter by client, gateway, key prefix or action (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a client to see its usage, risk history, the explanation of its score and its recent enforcement events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage (15 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usage in the last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No risk history yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent events</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n client(s)</source>
        <translation>
            <numerusform>%1 of %n client</numerusform>
            <numerusform>%1 of %n clients</numerusform>
        </translation>
    </message>
    <message>
        <source>Risk %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The action is pinned by an administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateways: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota used: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No risk signal: the score is made of nothing but normal traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No enforcement events since the console connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  risk %2, action %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by an administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 %3: %4 (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 alert: %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 by %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::ConnectionDialog</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. prod-eu-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://gateway.example:9443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mga_…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system trust store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 of the server certificate (hex), optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional (mTLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra &amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate &amp;pin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the stored token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The admin URL must look like https://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate pin must be 64 hexadecimal characters (SHA-256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate and client key go together: give both or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the token to test (the stored one is not read back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incompatible gateway: API version %1 (the console speaks 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answers, but the token was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK: %1 %2 (gateway %3), signed in as “%4” with role %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The connection starts now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the connection “%1” and its stored token?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::DetectPage</name>
    <message>
        <source>from the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cached in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from a key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watermarked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not watermarked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short to tell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lexical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the watermark key of every live connection (admin token needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add key file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste or type the text to check, drop a text file here, or use Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client ids, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clients the lexical watermark is tested for (the signed payload names its client itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate clients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlights: &lt;span style=&quot;background:%1;color:%2&quot;&gt;&amp;nbsp;green word&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;background:%3;color:%4&quot;&gt;&amp;nbsp;red word&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;text-decoration:underline;color:%5&quot;&gt;signed payload&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No watermark keys yet: connect to a gateway with an admin token, or add a key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) are being checked.</source>
        <translation>
            <numerusform>%n character is being checked.</numerusform>
            <numerusform>%n characters are being checked.</numerusform>
        </translation>
    </message>
    <message>
        <source>No watermark key is known: connect to a gateway with an admin token, or add a key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste text and press Detect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very likely by accident (p = %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plausibly by accident (about 1 in %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than 1 in 10%1 chance by accident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about 1 in %1 chance by accident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about 1 in 10%1 chance by accident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued at: %1 (from the signed payload)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schemes found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Signed payload: %n verified copy(ies)</source>
        <translation>
            <numerusform>Signed payload: %n verified copy</numerusform>
            <numerusform>Signed payload: %n verified copies</numerusform>
        </translation>
    </message>
    <message>
        <source>Lexical: %1 of %2 scored words green; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p-value: %1 (z = %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lexical: no scored words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text has (almost) no English words the lexical watermark can score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than 64 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt *.md *.json *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add watermark key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read as a key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a watermark key file: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::GatewayTargets</name>
    <message>
        <source>Apply to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No admin service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (read-only: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No gateway is connected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::MainWindow</name>
    <message>
        <source>Not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelGuard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue, rotate and revoke the API keys of each client (secrets shown once), restrict keys to models and endpoints, and set per-client rate limits and daily/monthly token quotas on each gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the default and per-client policies the gateways enforce: logprobs and logit_bias handling, watermark schemes and strength, and the risk thresholds at which a client&apos;s logprobs are stripped, it is throttled or it is blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to model-artifact vaults: encrypted checkpoints, who may read them, the access log and the approval of exports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tamper-evident log of every administrative action taken from this console and on the gateways, with verification of the hash chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not store the token of %1 (%2); it is kept in memory for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No admin token for %1 (%2): enter it again in File ▸ Connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys &amp; Quotas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export clients as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language and theme…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ModelGuard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections — File ▸ Connections… (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Gateway: %2
Role: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ModelGuard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;ModelGuard %1&lt;/h3&gt;&lt;p&gt;Security-operations console for LLM extraction defence: live usage and extraction risk of every client on your gateways.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::OverviewPage</name>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients known on all connected gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet-wide requests per second (last 10 s average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet-wide tokens per second (last 10 s average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk ≥ 60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients whose extraction-risk score is 60 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throttled or blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients with an enforcement action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open high alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unacknowledged high-severity alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per second (15 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per second (15 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections yet. Add a gateway with File ▸ Connections… (Ctrl+Shift+C).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usage in the last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time the console starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::WatermarkKeyring</name>
    <message>
        <source>%1: the cached key cannot be read from the keychain (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: this connection&apos;s token has the viewer role; fetching the watermark key needs an admin token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the watermark key could not be fetched (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the gateway sent an unusable key (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the key is used for this session only; the keychain could not store it (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the watermark key cannot be fetched (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
