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
    <name>KeyInput</name>
    <message>
        <source>Enter the client id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client id has at most 128 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client id may contain only letters A–Z, digits and . _ : @ - (not “%1”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name has at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name may not contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 models can be listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model name “%1…” is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model name may not contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grace period is 0 to 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown endpoint “%1”.</source>
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
    <name>modelguard::ui::AuditPage</name>
    <message>
        <source>intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry&apos;s content no longer matches its hash: it was edited after it was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries are missing: removed from the middle, the start or the end of the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries are out of their recorded order: an entry links to a different predecessor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry (or the log&apos;s head) is not sealed with this console&apos;s key: it was inserted or rewritten by someone without the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing verifies with the key in the keychain: the key is not this log&apos;s, or the whole log was re-keyed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every entry verifies, but the log&apos;s head is missing, rolled back or points elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the log again (entries of other console instances appear).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every entry&apos;s hash chain and seal, and the log&apos;s head.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the entries matching the filters as JSON Lines or CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save verification key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the log&apos;s key to a file for &apos;modelguard-cli audit verify --key-file&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console has no audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing the newest %n matching entries; older ones are not listed (narrow the time range to see them).</source>
        <translation>
            <numerusform>Showing the newest matching entry; older ones are not listed (narrow the time range to see them).</numerusform>
            <numerusform>Showing the newest %n matching entries; older ones are not listed (narrow the time range to see them).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an entry to see the state before and after the action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry #%1 · %2 · %3 %4 on %5: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By %1 (%2) · hash %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Intact: %n entries, chain and seal verified.</source>
        <translation>
            <numerusform>Intact: %n entry, chain and seal verified.</numerusform>
            <numerusform>Intact: %n entries, chain and seal verified.</numerusform>
        </translation>
    </message>
    <message>
        <source>Broken at entry #%1: %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broken: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log is not open: there is nothing to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file name was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1 (disk full?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>Exported %n entry to %1.</numerusform>
            <numerusform>Exported %n entries to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log is not open: its key is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the key to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key export could not be recorded in the audit log, so the key file was removed again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save verification key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verification key lets anyone who has it forge audit entries that verify as genuine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the file where only you can read it (it is written with permissions for you alone), use it for &apos;modelguard-cli audit verify --key-file&apos;, and delete it when done. The export is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key files (*.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key saved to %1 (readable by you only). Verify the log with: modelguard-cli audit verify %2 --key-file %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::AuditTableModel</name>
    <message>
        <source>(local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry #%1, %2 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The action succeeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An action of this console itself, not on a gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::BulkRevokeDialog</name>
    <message>
        <source>Revoke all keys of a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key of the client is revoked at once on the checked gateways; applications using them stop working. Revoked keys cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one gateway under “Apply to”.</source>
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
    <name>modelguard::ui::KeyCreateDialog</name>
    <message>
        <source>New API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key&apos;s secret is shown once after it is created; the gateway keeps only a hash of it and the console does not store it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. acme-prod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one gateway under “Apply to”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::KeyEditDialog</name>
    <message>
        <source>Key %1 (%2) of client %3 on %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. production backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated; empty = all models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed &amp;models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None checked = all endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::KeyTableModel</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired (replaced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key until %1 (rotated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>models: %1 · endpoints: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by mg_%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::KeysPage</name>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a new API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the name, expiry or scopes of the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the key by a new one; the old one works for a grace period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the key at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke all keys of client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke every key of a client, on one or several gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the keys again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by client, name or key prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys of %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no gateway is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no admin service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer connected: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not rotated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotated API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the key %1 (%2) of client “%3” on %4?

Applications using it stop working at once. A revoked key cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 was not revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key was revoked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Revoke all keys of client “%1” on %2?

%n key(s) in use will stop working at once. Revoked keys cannot be restored.</source>
        <translation>
            <numerusform>Revoke all keys of client “%1” on %2?

%n key in use will stop working at once. Revoked keys cannot be restored.</numerusform>
            <numerusform>Revoke all keys of client “%1” on %2?

%n keys in use will stop working at once. Revoked keys cannot be restored.</numerusform>
        </translation>
    </message>
    <message>
        <source>The keys of %1 were not revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke all keys of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n key(s)</source>
        <translation>
            <numerusform>%1 of %n key</numerusform>
            <numerusform>%1 of %n keys</numerusform>
        </translation>
    </message>
    <message>
        <source>No gateway is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No admin service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1 Keys can be viewed but not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key has already been replaced or has expired.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::LimitsEditor</name>
    <message>
        <source>Requests per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest sustained request rate (a short burst is allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in any 60 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt and completion tokens in any 60 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota, from 00:00 UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota of prompt and completion tokens, from 00:00 UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota of prompt and completion tokens, from the first of the month, UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default max_tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_tokens given to requests that set none; quotas reserve it while a request runs. At least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_tokens cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest max_tokens a request may ask for; larger values are lowered to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens/month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_tokens at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_tokens %1 by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default max_tokens must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The max_tokens cap (%1) must not be lower than the default max_tokens (%2); 0 means no cap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Changed, not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in the last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 used today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 used this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — over this limit (%2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 % of this limit)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::LimitsPage</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default (all clients)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key of a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the limits from the gateway again (unsaved changes are dropped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove key limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key gets no limits of its own: only its client&apos;s limits apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the client&apos;s own limits: the default limits apply to it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No admin service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one gateway under “Apply to”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current limits could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send these limits to the gateways chosen under “Apply to”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No gateway is connected to read the limits from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default limits could not be read from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default limits on %1: they apply to every client without limits of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or choose a client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid client id (1 to 128 letters, digits or . _ : @ -).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limits of %1 could not be read from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage of %1 on %2: %3 tokens today, %4 this month, %5 requests today; %6 % of its largest quota in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has sent no requests through %2 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The usage of %1 could not be read from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has limits of its own on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 uses the default limits on %2; saving gives it limits of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys of %1 could not be read from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no keys on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no key %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 has limits of its own on %2; its client&apos;s limits apply as well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 has no limits of its own on %2: only its client&apos;s limits apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown: the state on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no admin service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a change is still being applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no gateway is selected under “Apply to”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no client is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the current limits could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits of key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default limits cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default limits for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits of key %1 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying…</source>
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
        <source>Connect to model-artifact vaults: encrypted checkpoints, who may read them, the access log and the approval of exports.</source>
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
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotas &amp;&amp; limits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::OutputPolicyForm</name>
    <message>
        <source>Allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cap the number of alternatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round the values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add noise to the values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strip from requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse requests asking for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logprobs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token probabilities are the richest signal for copying a model; limit or remove them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternatives at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With &quot;cap&quot;: top_logprobs is lowered to this, so fewer alternatives per token leak out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimals kept:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With &quot;round&quot;: logprobs are rounded to this many decimals, hiding the fine detail a copy learns from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise (standard deviation):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With &quot;noise&quot;: random noise of this size is added to logprobs, so averaging many answers costs more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cap entries and size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse requests using it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse it together with logprobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logit bias:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biasing tokens while reading logprobs reveals the model&apos;s hidden scores; limit or refuse it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biased tokens at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With &quot;cap&quot;: at most this many tokens may be biased per request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias size at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With &quot;cap&quot;: larger biases are refused, so single tokens cannot be forced to probe the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices per request at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger n and best_of are lowered to this, so one request cannot sample many answers (0: no limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest temperature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower temperatures are raised to this, so answers are less of an exact copy of the model&apos;s choices.</source>
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
    <name>modelguard::ui::PoliciesPage</name>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (all clients)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The defaults apply to every client without an override. Type or pick a client id to see and change its overrides and to act on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: this client has its own output policy. Unchecking removes it and the default applies again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save output policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watermark policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save watermark policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk thresholds and automatic actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk thresholds apply to all clients: choose &quot;Default (all clients)&quot; to change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save risk thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual action on the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required, recorded in the audit logs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throttle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slows the client down to the throttled rate until the pin is cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuses every request of the client until the pin is cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strip logprobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes logprobs from the client&apos;s requests until the pin is cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the pinned action: the risk score decides again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a client id: use 1 to 128 letters, digits and . _ : @ -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No gateway is connected: there is nothing to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policies could not be read from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the default policies of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the policies of client %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action on %1: %2, pinned by an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action on %1: %2 (from the risk score, score %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not know this client yet (no key, no traffic): there is nothing to act on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another change is still being made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check at least one gateway under &quot;Apply to&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a client first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the values and save to give %1 its own policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output policy not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default output policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output policy of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watermark policy not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default watermark policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watermark policy of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>risk thresholds exist only as defaults for all clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk thresholds not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default risk thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override not removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reason is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reason is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block every request of %1 on %2 until the pin is cleared?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block not sent: not confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the pin of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inherited from the default policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a client above to throttle, block or strip logprobs by hand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::RiskPolicyForm</name>
    <message>
        <source>Strip logprobs from score:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From this risk score on, a client gets no logprobs: the cheapest signal for copying is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throttle from score:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From this score on, the client is slowed down, so collecting training data takes far longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block from score:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From this score on, every request of the client is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic actions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: scores are still computed and reported, but only an administrator acts on them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throttled rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requests per second a throttled client may still make.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score that strips logprobs (%1) must not be above the throttle score (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The throttle score (%1) must not be above the block score (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::RotateDialog</name>
    <message>
        <source>Rotate API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new key with the same client and scopes replaces this one; its secret is shown once. The old key keeps working during the grace period, then stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelguard::ui::SecretDialog</name>
    <message>
        <source>&lt;b&gt;Copy the secret now: it cannot be shown again.&lt;/b&gt;&lt;br&gt;The gateway keeps only a hash of it and the console does not store it. Whoever has it can use the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have copied it</source>
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
<context>
    <name>modelguard::ui::WatermarkPolicyForm</name>
    <message>
        <source>Both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload (invisible signed mark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lexical (keyed word choice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schemes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payload names the client in copied text; the lexical mark survives paraphrase and shows up in a model trained on the output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stronger marks are found in shorter or distilled text, at some cost to word choice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
