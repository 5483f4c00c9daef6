<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>CsvExport</name>
    <message>
        <source>Cannot open %1 for writing: %2</source>
        <translation>%1 kann nicht zum Schreiben geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>no keychain is available (%1)</source>
        <translation>kein Schlüsselbund verfügbar (%1)</translation>
    </message>
    <message>
        <source>access to the keychain was denied (%1)</source>
        <translation>Zugriff auf den Schlüsselbund verweigert (%1)</translation>
    </message>
    <message>
        <source>keychain error: %1</source>
        <translation>Schlüsselbund-Fehler: %1</translation>
    </message>
</context>
<context>
    <name>SseParser</name>
    <message>
        <source>event stream line longer than %1 bytes</source>
        <translation>Zeile im Ereignisstrom länger als %1 Bytes</translation>
    </message>
    <message>
        <source>event larger than %1 bytes</source>
        <translation>Ereignis größer als %1 Bytes</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Elevated</source>
        <translation>Erhöht</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Strip logprobs</source>
        <translation>Logprobs entfernen</translation>
    </message>
    <message>
        <source>Throttle</source>
        <translation>Drosseln</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ModelGuard console: live usage and extraction risk of your LLM gateways.</source>
        <translation>ModelGuard-Konsole: Nutzung und Extraktionsrisiko Ihrer LLM-Gateways in Echtzeit.</translation>
    </message>
    <message>
        <source>Connect to the gateway admin API at URL for this session (nothing saved).</source>
        <translation>Für diese Sitzung mit der Admin-API des Gateways unter URL verbinden (nichts wird gespeichert).</translation>
    </message>
    <message>
        <source>Read the admin token for --connect from FILE.</source>
        <translation>Admin-Token für --connect aus DATEI lesen.</translation>
    </message>
    <message>
        <source>Name of the --connect connection.</source>
        <translation>Name der --connect-Verbindung.</translation>
    </message>
    <message>
        <source>Save a PNG of the main window to PATH and exit.</source>
        <translation>Ein PNG des Hauptfensters unter PFAD speichern und beenden.</translation>
    </message>
    <message>
        <source>Wait N milliseconds before the screenshot (default 2000).</source>
        <translation>N Millisekunden vor dem Bildschirmfoto warten (Standard 2000).</translation>
    </message>
    <message>
        <source>Section to show first: overview, clients, keys, policies, detect, vaults, audit.</source>
        <translation>Zuerst gezeigter Bereich: overview, clients, keys, policies, detect, vaults, audit.</translation>
    </message>
    <message>
        <source>unknown section “%1”</source>
        <translation>unbekannter Bereich „%1“</translation>
    </message>
    <message>
        <source>--screenshot-after-ms needs a number of milliseconds</source>
        <translation>--screenshot-after-ms erwartet eine Anzahl Millisekunden</translation>
    </message>
    <message>
        <source>--connect needs an http(s)://host:port URL</source>
        <translation>--connect erwartet eine URL der Form http(s)://host:port</translation>
    </message>
    <message>
        <source>--connect needs --token-file</source>
        <translation>--connect erfordert --token-file</translation>
    </message>
    <message>
        <source>cannot read the token file %1: %2</source>
        <translation>Token-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the token file %1 is empty</source>
        <translation>die Token-Datei %1 ist leer</translation>
    </message>
    <message>
        <source>cannot save the screenshot to %1</source>
        <translation>Bildschirmfoto kann nicht unter %1 gespeichert werden</translation>
    </message>
    <message>
        <source>With --screenshot: also write what the views show as JSON to FILE.</source>
        <translation>Mit --screenshot: zusätzlich als JSON in DATEI schreiben, was die Ansichten zeigen.</translation>
    </message>
    <message>
        <source>cannot write the state report to %1</source>
        <translation>Der Zustandsbericht kann nicht nach %1 geschrieben werden</translation>
    </message>
    <message>
        <source>Admin changes are disabled: %1</source>
        <translation>Administrative Änderungen sind deaktiviert: %1</translation>
    </message>
</context>
<context>
    <name>modelguard::client::AdminService</name>
    <message>
        <source>No gateway is selected.</source>
        <translation>Kein Gateway ausgewählt.</translation>
    </message>
    <message>
        <source>The local audit log is not available (%1): the console makes no change it cannot record.</source>
        <translation>Das lokale Audit-Protokoll ist nicht verfügbar (%1): Die Konsole nimmt keine Änderung vor, die sie nicht protokollieren kann.</translation>
    </message>
    <message>
        <source>no audit log</source>
        <translation>kein Audit-Protokoll</translation>
    </message>
    <message>
        <source>%1 is not connected (%2).</source>
        <translation>%1 ist nicht verbunden (%2).</translation>
    </message>
    <message>
        <source>The token of %1 has the %2 role: it may only read.</source>
        <translation>Das Token für %1 hat die Rolle %2: Es darf nur lesen.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>No answer from %1 (%2).</source>
        <translation>Keine Antwort von %1 (%2).</translation>
    </message>
    <message>
        <source>%1 refused the change: %2</source>
        <translation>%1 hat die Änderung abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 no longer accepts the console&apos;s admin token (%2). Enter a valid token in File ▸ Connections….</source>
        <translation>%1 akzeptiert das Admin-Token der Konsole nicht mehr (%2). Geben Sie unter Datei ▸ Verbindungen… ein gültiges Token ein.</translation>
    </message>
    <message>
        <source>The token for %1 may not make this change (%2).</source>
        <translation>Das Token für %1 darf diese Änderung nicht vornehmen (%2).</translation>
    </message>
    <message>
        <source>%1 does not know the object any more (%2). The view has been reloaded.</source>
        <translation>%1 kennt das Objekt nicht mehr (%2). Die Ansicht wurde neu geladen.</translation>
    </message>
    <message>
        <source>%1 failed while making the change (HTTP %2: %3).</source>
        <translation>%1 ist bei der Änderung gescheitert (HTTP %2: %3).</translation>
    </message>
    <message>
        <source>%1 answered with something the console cannot read (%2).</source>
        <translation>%1 hat mit etwas geantwortet, das die Konsole nicht lesen kann (%2).</translation>
    </message>
    <message>
        <source>%1 refused the change (HTTP %2: %3).</source>
        <translation>%1 hat die Änderung abgelehnt (HTTP %2: %3).</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>die Verbindung wurde geschlossen</translation>
    </message>
    <message>
        <source>The connection to %1 was closed before the change was sent.</source>
        <translation>Die Verbindung zu %1 wurde geschlossen, bevor die Änderung gesendet wurde.</translation>
    </message>
    <message>
        <source>Applied on %1.</source>
        <translation>Auf %1 angewendet.</translation>
    </message>
    <message>
        <source>The local audit log could not record it: %1</source>
        <translation>Das lokale Audit-Protokoll konnte sie nicht aufzeichnen: %1</translation>
    </message>
</context>
<context>
    <name>modelguard::client::ConnectionManager</name>
    <message>
        <source>no admin token is stored for this connection</source>
        <translation>für diese Verbindung ist kein Admin-Token gespeichert</translation>
    </message>
</context>
<context>
    <name>modelguard::client::ConsoleAudit</name>
    <message>
        <source>The audit log has not been opened yet.</source>
        <translation>Das Audit-Protokoll wurde noch nicht geöffnet.</translation>
    </message>
    <message>
        <source>Cannot create the folder of the audit log (%1).</source>
        <translation>Der Ordner des Audit-Protokolls kann nicht angelegt werden (%1).</translation>
    </message>
    <message>
        <source>Cannot open the audit log %1: %2</source>
        <translation>Das Audit-Protokoll %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The keychain could not be read (%1): admin actions are disabled until the audit log&apos;s key is available.</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden (%1): Administrative Aktionen sind deaktiviert, bis der Schlüssel des Audit-Protokolls verfügbar ist.</translation>
    </message>
    <message>
        <source>The audit log&apos;s key in the keychain is damaged: admin actions are disabled.</source>
        <translation>Der Schlüssel des Audit-Protokolls im Schlüsselbund ist beschädigt: Administrative Aktionen sind deaktiviert.</translation>
    </message>
    <message>
        <source>The audit log %1 has %2 entries but its key is not in the keychain: admin actions are disabled (a new key would make every old entry look forged).</source>
        <translation>Das Audit-Protokoll %1 hat %2 Einträge, aber sein Schlüssel ist nicht im Schlüsselbund: Administrative Aktionen sind deaktiviert (mit einem neuen Schlüssel sähe jeder alte Eintrag gefälscht aus).</translation>
    </message>
    <message>
        <source>The keychain could not store the audit log&apos;s key (%1): admin actions are disabled.</source>
        <translation>Der Schlüsselbund konnte den Schlüssel des Audit-Protokolls nicht speichern (%1): Administrative Aktionen sind deaktiviert.</translation>
    </message>
    <message>
        <source>The audit log could not record &apos;%1&apos;: %2</source>
        <translation>Das Audit-Protokoll konnte „%1“ nicht aufzeichnen: %2</translation>
    </message>
</context>
<context>
    <name>modelguard::client::GatewayConnection</name>
    <message>
        <source>no data on the event stream for %1 s</source>
        <translation>seit %1 s keine Daten im Ereignisstrom</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation>Neuer Verbindungsversuch in %1 s</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s (%2)</source>
        <translation>Neuer Verbindungsversuch in %1 s (%2)</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <source>Reconnecting… (%1)</source>
        <translation>Verbinde erneut… (%1)</translation>
    </message>
    <message>
        <source>Unauthorised: %1</source>
        <translation>Nicht autorisiert: %1</translation>
    </message>
    <message>
        <source>Unauthorised: %1 (retrying in %2 s)</source>
        <translation>Nicht autorisiert: %1 (neuer Versuch in %2 s)</translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation>TLS-Fehler: %1</translation>
    </message>
    <message>
        <source>TLS error: %1 (retrying in %2 s)</source>
        <translation>TLS-Fehler: %1 (neuer Versuch in %2 s)</translation>
    </message>
    <message>
        <source>Incompatible: %1</source>
        <translation>Inkompatibel: %1</translation>
    </message>
    <message>
        <source>Protocol error: %1</source>
        <translation>Protokollfehler: %1</translation>
    </message>
    <message>
        <source>Protocol error: %1 (reconnecting in %2 s)</source>
        <translation>Protokollfehler: %1 (neue Verbindung in %2 s)</translation>
    </message>
    <message>
        <source>no admin token for this connection</source>
        <translation>kein Admin-Token für diese Verbindung</translation>
    </message>
    <message>
        <source>cannot read a CA certificate from %1</source>
        <translation>aus %1 kann kein CA-Zertifikat gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the client certificate from %1</source>
        <translation>das Client-Zertifikat kann nicht aus %1 gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the client key from %1</source>
        <translation>der Client-Schlüssel kann nicht aus %1 gelesen werden</translation>
    </message>
    <message>
        <source>the server certificate (SHA-256 %1) does not match the pinned one; %2</source>
        <translation>das Serverzertifikat (SHA-256 %1) stimmt nicht mit dem hinterlegten überein; %2</translation>
    </message>
    <message>
        <source>the server certificate (SHA-256 %1) does not match the pinned one</source>
        <translation>das Serverzertifikat (SHA-256 %1) stimmt nicht mit dem hinterlegten überein</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>die Verbindung wurde geschlossen</translation>
    </message>
    <message>
        <source>%1: the response is larger than %2 MiB</source>
        <translation>%1: die Antwort ist größer als %2 MiB</translation>
    </message>
    <message>
        <source>%1: no response within %2 s</source>
        <translation>%1: keine Antwort innerhalb von %2 s</translation>
    </message>
    <message>
        <source>%1: malformed JSON in the response (%2 at offset %3)</source>
        <translation>%1: fehlerhaftes JSON in der Antwort (%2 an Position %3)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>the daemon speaks admin API version %1; this console speaks version %2</source>
        <translation>der Dienst spricht Admin-API-Version %1, diese Konsole Version %2</translation>
    </message>
    <message>
        <source>the health answer has no api_version: not a ModelGuard admin listener?</source>
        <translation>die Health-Antwort enthält keine api_version: kein ModelGuard-Admin-Endpunkt?</translation>
    </message>
    <message>
        <source>the health answer has no gateway_id</source>
        <translation>die Health-Antwort enthält keine gateway_id</translation>
    </message>
    <message>
        <source>the gateway rejected the admin token (%1)</source>
        <translation>das Gateway hat das Admin-Token abgelehnt (%1)</translation>
    </message>
    <message>
        <source>the snapshot has no valid last_event_id</source>
        <translation>der Snapshot enthält keine gültige last_event_id</translation>
    </message>
    <message>
        <source>the gateway rejected the admin token on the event stream</source>
        <translation>das Gateway hat das Admin-Token im Ereignisstrom abgelehnt</translation>
    </message>
    <message>
        <source>the event stream answered HTTP %1</source>
        <translation>der Ereignisstrom antwortete mit HTTP %1</translation>
    </message>
    <message>
        <source>the event stream has content type &quot;%1&quot;, expected text/event-stream</source>
        <translation>der Ereignisstrom hat den Inhaltstyp „%1“, erwartet wurde text/event-stream</translation>
    </message>
    <message>
        <source>event stream: %1</source>
        <translation>Ereignisstrom: %1</translation>
    </message>
    <message>
        <source>event id &quot;%1&quot; is not a number</source>
        <translation>Ereignis-ID „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>malformed JSON in event %1 (%2): %3 at offset %4</source>
        <translation>fehlerhaftes JSON in Ereignis %1 (%2): %3 an Position %4</translation>
    </message>
    <message>
        <source>event %1 (%2) is not a JSON object</source>
        <translation>Ereignis %1 (%2) ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the gateway closed the event stream</source>
        <translation>das Gateway hat den Ereignisstrom geschlossen</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::AdminResultsDialog</name>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>Not applied</source>
        <translation>Nicht angewendet</translation>
    </message>
    <message>
        <source>No gateway was selected: nothing was changed.</source>
        <translation>Kein Gateway ausgewählt: Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Angewendet.</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <source>Applied on %1 of %2 gateways.</source>
        <translation>Auf %1 von %2 Gateways angewendet.</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::AlertListModel</name>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1
Gateway: %2 · alert %3</source>
        <translation>%1
Gateway: %2 · Alarm %3</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::AlertNotifier</name>
    <message>
        <source>ModelGuard console</source>
        <translation>ModelGuard-Konsole</translation>
    </message>
    <message>
        <source>High-severity alert: %1</source>
        <translation>Alarm hoher Schwere: %1</translation>
    </message>
    <message>
        <source>%1 (gateway %2)</source>
        <translation>%1 (Gateway %2)</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::AlertsPanel</name>
    <message>
        <source>Show acknowledged</source>
        <translation>Bestätigte anzeigen</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Mark the selected alerts as handled on their gateways</source>
        <translation>Die ausgewählten Alarme auf ihren Gateways als erledigt markieren</translation>
    </message>
    <message>
        <source>Gateway %1 is not connected; the alert stays open.</source>
        <translation>Gateway %1 ist nicht verbunden; der Alarm bleibt offen.</translation>
    </message>
    <message>
        <source>Gateway %1 is not live (%2); try again when it is.</source>
        <translation>Gateway %1 ist nicht live (%2); bitte später erneut versuchen.</translation>
    </message>
    <message>
        <source>Could not acknowledge alert %1 on %2: %3</source>
        <translation>Alarm %1 auf %2 konnte nicht bestätigt werden: %3</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::ClientTableModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 (pinned)</source>
        <translation>%1 (fixiert)</translation>
    </message>
    <message>
        <source>Risk %1 of 100 (%2)</source>
        <translation>Risiko %1 von 100 (%2)</translation>
    </message>
    <message>
        <source>%1 %: %2</source>
        <translation>%1 %: %2</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>Gateways</translation>
    </message>
    <message>
        <source>Key prefix</source>
        <translation>Schlüsselpräfix</translation>
    </message>
    <message>
        <source>Requests/min</source>
        <translation>Anfragen/min</translation>
    </message>
    <message>
        <source>Tokens/min</source>
        <translation>Tokens/min</translation>
    </message>
    <message>
        <source>Quota used</source>
        <translation>Kontingent genutzt</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::ClientsPage</name>
    <message>
        <source>Filter by client, gateway, key prefix or action (Ctrl+F)</source>
        <translation>Nach Client, Gateway, Schlüsselpräfix oder Maßnahme filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Select a client to see its usage, risk history, the explanation of its score and its recent enforcement events.</source>
        <translation>Wählen Sie einen Client, um seine Nutzung, den Risikoverlauf, die Begründung seines Werts und die letzten Durchsetzungsereignisse zu sehen.</translation>
    </message>
    <message>
        <source>Usage (15 min)</source>
        <translation>Nutzung (15 min)</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
    <message>
        <source>No usage in the last 15 minutes</source>
        <translation>Keine Nutzung in den letzten 15 Minuten</translation>
    </message>
    <message>
        <source>Risk score</source>
        <translation>Risikowert</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>No risk history yet</source>
        <translation>Noch kein Risikoverlauf</translation>
    </message>
    <message>
        <source>Why this score</source>
        <translation>Warum dieser Wert</translation>
    </message>
    <message>
        <source>Recent events</source>
        <translation>Letzte Ereignisse</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n Client</numerusform>
            <numerusform>%n Clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n client(s)</source>
        <translation>
            <numerusform>%1 von %n Client</numerusform>
            <numerusform>%1 von %n Clients</numerusform>
        </translation>
    </message>
    <message>
        <source>Risk %1 · %2 · %3</source>
        <translation>Risiko %1 · %2 · %3</translation>
    </message>
    <message>
        <source>The action is pinned by an administrator</source>
        <translation>Die Maßnahme wurde von einem Administrator fixiert</translation>
    </message>
    <message>
        <source>Gateways: %1</source>
        <translation>Gateways: %1</translation>
    </message>
    <message>
        <source>Keys: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>Quota used: %1 %</source>
        <translation>Kontingent genutzt: %1 %</translation>
    </message>
    <message>
        <source>Last seen: %1</source>
        <translation>Zuletzt gesehen: %1</translation>
    </message>
    <message>
        <source>Action pinned</source>
        <translation>Maßnahme fixiert</translation>
    </message>
    <message>
        <source>No risk signal: the score is made of nothing but normal traffic.</source>
        <translation>Kein Risikosignal: Der Wert beruht nur auf normalem Verkehr.</translation>
    </message>
    <message>
        <source>No enforcement events since the console connected.</source>
        <translation>Keine Durchsetzungsereignisse, seit die Konsole verbunden ist.</translation>
    </message>
    <message>
        <source>%1  risk %2, action %3 (%4)</source>
        <translation>%1  Risiko %2, Maßnahme %3 (%4)</translation>
    </message>
    <message>
        <source>by an administrator</source>
        <translation>durch einen Administrator</translation>
    </message>
    <message>
        <source>automatically</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>%1  %2 %3: %4 (%5)</source>
        <translation>%1  %2 %3: %4 (%5)</translation>
    </message>
    <message>
        <source>%1  %2 alert: %3 (%4)</source>
        <translation>%1  Alarm (%2): %3 (%4)</translation>
    </message>
    <message>
        <source>%1  %2 by %3 (%4)</source>
        <translation>%1  %2 durch %3 (%4)</translation>
    </message>
    <message>
        <source>Export clients</source>
        <translation>Clients exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::ConnectionDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>e.g. prod-eu-1</source>
        <translation>z. B. prod-eu-1</translation>
    </message>
    <message>
        <source>https://gateway.example:9443</source>
        <translation>https://gateway.example:9443</translation>
    </message>
    <message>
        <source>mga_…</source>
        <translation>mga_…</translation>
    </message>
    <message>
        <source>system trust store</source>
        <translation>System-Zertifikatsspeicher</translation>
    </message>
    <message>
        <source>SHA-256 of the server certificate (hex), optional</source>
        <translation>SHA-256 des Serverzertifikats (hex), optional</translation>
    </message>
    <message>
        <source>optional (mTLS)</source>
        <translation>optional (mTLS)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Admin &amp;URL:</source>
        <translation>Admin-&amp;URL:</translation>
    </message>
    <message>
        <source>Admin &amp;token:</source>
        <translation>Admin-&amp;Token:</translation>
    </message>
    <message>
        <source>Extra &amp;CA file:</source>
        <translation>Zusätzliche &amp;CA-Datei:</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Certificate &amp;pin:</source>
        <translation>Zertifikats-&amp;Pin:</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Client-Schlüssel:</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored token.</source>
        <translation>Leer lassen, um das gespeicherte Token zu behalten.</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in the settings file.</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>Enter a name for the connection.</source>
        <translation>Geben Sie einen Namen für die Verbindung ein.</translation>
    </message>
    <message>
        <source>The admin URL must look like https://host:port.</source>
        <translation>Die Admin-URL muss die Form https://host:port haben.</translation>
    </message>
    <message>
        <source>The certificate pin must be 64 hexadecimal characters (SHA-256).</source>
        <translation>Der Zertifikats-Pin muss aus 64 Hexadezimalzeichen bestehen (SHA-256).</translation>
    </message>
    <message>
        <source>Client certificate and client key go together: give both or neither.</source>
        <translation>Client-Zertifikat und Client-Schlüssel gehören zusammen: beide angeben oder keines.</translation>
    </message>
    <message>
        <source>Enter the admin token.</source>
        <translation>Geben Sie das Admin-Token ein.</translation>
    </message>
    <message>
        <source>Enter the token to test (the stored one is not read back).</source>
        <translation>Geben Sie das Token zum Testen ein (das gespeicherte wird nicht ausgelesen).</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Teste…</translation>
    </message>
    <message>
        <source>Health check failed: %1</source>
        <translation>Health-Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Incompatible gateway: API version %1 (the console speaks 1).</source>
        <translation>Inkompatibles Gateway: API-Version %1 (die Konsole spricht 1).</translation>
    </message>
    <message>
        <source>The gateway answers, but the token was refused: %1</source>
        <translation>Das Gateway antwortet, aber das Token wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>OK: %1 %2 (gateway %3), signed in as “%4” with role %5.</source>
        <translation>OK: %1 %2 (Gateway %3), angemeldet als „%4“ mit der Rolle %5.</translation>
    </message>
    <message>
        <source>Saved. The connection starts now.</source>
        <translation>Gespeichert. Die Verbindung wird jetzt aufgebaut.</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove the connection “%1” and its stored token?</source>
        <translation>Die Verbindung „%1“ und ihr gespeichertes Token entfernen?</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::DetectPage</name>
    <message>
        <source>from the gateway</source>
        <translation>vom Gateway</translation>
    </message>
    <message>
        <source>cached in the keychain</source>
        <translation>im Schlüsselbund zwischengespeichert</translation>
    </message>
    <message>
        <source>from a key file</source>
        <translation>aus einer Schlüsseldatei</translation>
    </message>
    <message>
        <source>Watermarked</source>
        <translation>Mit Wasserzeichen</translation>
    </message>
    <message>
        <source>Not watermarked</source>
        <translation>Kein Wasserzeichen</translation>
    </message>
    <message>
        <source>Too short to tell</source>
        <translation>Zu kurz für eine Aussage</translation>
    </message>
    <message>
        <source>signed payload</source>
        <translation>signierte Nutzlast</translation>
    </message>
    <message>
        <source>lexical</source>
        <translation>lexikalisch</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>Refresh keys</source>
        <translation>Schlüssel aktualisieren</translation>
    </message>
    <message>
        <source>Fetch the watermark key of every live connection (admin token needed)</source>
        <translation>Den Wasserzeichen-Schlüssel jeder aktiven Verbindung abrufen (Admin-Token nötig)</translation>
    </message>
    <message>
        <source>Add key file…</source>
        <translation>Schlüsseldatei hinzufügen…</translation>
    </message>
    <message>
        <source>Paste or type the text to check, drop a text file here, or use Open…</source>
        <translation>Den zu prüfenden Text einfügen oder eingeben, eine Textdatei hierher ziehen oder Öffnen… verwenden</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>client ids, comma-separated</source>
        <translation>Client-IDs, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>The clients the lexical watermark is tested for (the signed payload names its client itself)</source>
        <translation>Die Clients, auf deren lexikalisches Wasserzeichen geprüft wird (die signierte Nutzlast nennt ihren Client selbst)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Bericht kopieren</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>Als JSON kopieren</translation>
    </message>
    <message>
        <source>Candidate clients:</source>
        <translation>Infrage kommende Clients:</translation>
    </message>
    <message>
        <source>Highlights: &lt;span style=&quot;background:%1;color:%2&quot;&gt;&amp;nbsp;green word&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;background:%3;color:%4&quot;&gt;&amp;nbsp;red word&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;text-decoration:underline;color:%5&quot;&gt;signed payload&lt;/span&gt;</source>
        <translation>Markierungen: &lt;span style=&quot;background:%1;color:%2&quot;&gt;&amp;nbsp;grünes Wort&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;background:%3;color:%4&quot;&gt;&amp;nbsp;rotes Wort&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;text-decoration:underline;color:%5&quot;&gt;signierte Nutzlast&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No watermark keys yet: connect to a gateway with an admin token, or add a key file.</source>
        <translation>Noch keine Wasserzeichen-Schlüssel: mit einem Admin-Token mit einem Gateway verbinden oder eine Schlüsseldatei hinzufügen.</translation>
    </message>
    <message>
        <source>Keys: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) are being checked.</source>
        <translation>
            <numerusform>%n Zeichen wird geprüft.</numerusform>
            <numerusform>%n Zeichen werden geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <source>No watermark key is known: connect to a gateway with an admin token, or add a key file.</source>
        <translation>Kein Wasserzeichen-Schlüssel bekannt: mit einem Admin-Token mit einem Gateway verbinden oder eine Schlüsseldatei hinzufügen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Paste text and press Detect.</source>
        <translation>Text einfügen und auf Erkennen klicken.</translation>
    </message>
    <message>
        <source>very likely by accident (p = %1)</source>
        <translation>sehr wahrscheinlich Zufall (p = %1)</translation>
    </message>
    <message>
        <source>plausibly by accident (about 1 in %1)</source>
        <translation>möglicherweise Zufall (etwa 1 zu %1)</translation>
    </message>
    <message>
        <source>less than 1 in 10%1 chance by accident</source>
        <translation>weniger als 1 zu 10%1, dass es Zufall ist</translation>
    </message>
    <message>
        <source>about 1 in %1 chance by accident</source>
        <translation>etwa 1 zu %1, dass es Zufall ist</translation>
    </message>
    <message>
        <source>about 1 in 10%1 chance by accident</source>
        <translation>etwa 1 zu 10%1, dass es Zufall ist</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>Gateway: %1</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>Client: %1</translation>
    </message>
    <message>
        <source>Issued at: %1 (from the signed payload)</source>
        <translation>Ausgegeben: %1 (aus der signierten Nutzlast)</translation>
    </message>
    <message>
        <source>Schemes found: %1</source>
        <translation>Gefundene Verfahren: %1</translation>
    </message>
    <message numerus="yes">
        <source>Signed payload: %n verified copy(ies)</source>
        <translation>
            <numerusform>Signierte Nutzlast: %n bestätigte Kopie</numerusform>
            <numerusform>Signierte Nutzlast: %n bestätigte Kopien</numerusform>
        </translation>
    </message>
    <message>
        <source>Lexical: %1 of %2 scored words green; %3</source>
        <translation>Lexikalisch: %1 von %2 bewerteten Wörtern grün; %3</translation>
    </message>
    <message>
        <source>p-value: %1 (z = %2)</source>
        <translation>p-Wert: %1 (z = %2)</translation>
    </message>
    <message>
        <source>Lexical: no scored words</source>
        <translation>Lexikalisch: keine bewerteten Wörter</translation>
    </message>
    <message>
        <source>The text has (almost) no English words the lexical watermark can score.</source>
        <translation>Der Text enthält (fast) keine englischen Wörter, die das lexikalische Wasserzeichen bewerten kann.</translation>
    </message>
    <message>
        <source>%1 is larger than 64 MiB.</source>
        <translation>%1 ist größer als 64 MiB.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Open text</source>
        <translation>Text öffnen</translation>
    </message>
    <message>
        <source>Text files (*.txt *.md *.json *.csv);;All files (*)</source>
        <translation>Textdateien (*.txt *.md *.json *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add watermark key file</source>
        <translation>Wasserzeichen-Schlüsseldatei hinzufügen</translation>
    </message>
    <message>
        <source>%1 cannot be read as a key file.</source>
        <translation>%1 kann nicht als Schlüsseldatei gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is not a watermark key file: %2</source>
        <translation>%1 ist keine Wasserzeichen-Schlüsseldatei: %2</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::GatewayTargets</name>
    <message>
        <source>Apply to:</source>
        <translation>Anwenden auf:</translation>
    </message>
    <message>
        <source>No admin service.</source>
        <translation>Kein Verwaltungsdienst.</translation>
    </message>
    <message>
        <source>%1 (read-only: %2)</source>
        <translation>%1 (nur lesen: %2)</translation>
    </message>
    <message>
        <source>No gateway is connected.</source>
        <translation>Kein Gateway verbunden.</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::MainWindow</name>
    <message>
        <source>Not available in this version yet.</source>
        <translation>In dieser Version noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>ModelGuard</source>
        <translation>ModelGuard</translation>
    </message>
    <message>
        <source>Issue, rotate and revoke the API keys of each client (secrets shown once), restrict keys to models and endpoints, and set per-client rate limits and daily/monthly token quotas on each gateway.</source>
        <translation>API-Schlüssel je Client ausgeben, rotieren und widerrufen (Geheimnisse werden nur einmal angezeigt), Schlüssel auf Modelle und Endpunkte beschränken und je Client Ratenlimits sowie tägliche/monatliche Token-Kontingente auf jedem Gateway festlegen.</translation>
    </message>
    <message>
        <source>Edit the default and per-client policies the gateways enforce: logprobs and logit_bias handling, watermark schemes and strength, and the risk thresholds at which a client&apos;s logprobs are stripped, it is throttled or it is blocked.</source>
        <translation>Die Standard- und Client-Richtlinien bearbeiten, die die Gateways durchsetzen: Umgang mit logprobs und logit_bias, Wasserzeichenverfahren und -stärke sowie die Risikoschwellen, ab denen die Logprobs eines Clients entfernt werden, er gedrosselt oder gesperrt wird.</translation>
    </message>
    <message>
        <source>Connect to model-artifact vaults: encrypted checkpoints, who may read them, the access log and the approval of exports.</source>
        <translation>Mit Modell-Tresoren verbinden: verschlüsselte Checkpoints, wer sie lesen darf, das Zugriffsprotokoll und die Freigabe von Exporten.</translation>
    </message>
    <message>
        <source>The tamper-evident log of every administrative action taken from this console and on the gateways, with verification of the hash chain.</source>
        <translation>Das manipulationssichere Protokoll jeder administrativen Aktion aus dieser Konsole und auf den Gateways, mit Prüfung der Hash-Kette.</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>The keychain could not store the token of %1 (%2); it is kept in memory for this session only.</source>
        <translation>Der Schlüsselbund konnte das Token von %1 nicht speichern (%2); es wird nur für diese Sitzung im Speicher gehalten.</translation>
    </message>
    <message>
        <source>No admin token for %1 (%2): enter it again in File ▸ Connections…</source>
        <translation>Kein Admin-Token für %1 (%2): bitte unter Datei ▸ Verbindungen… erneut eingeben</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Keys &amp; Quotas</source>
        <translation>Schlüssel &amp; Kontingente</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>Vaults</source>
        <translation>Tresore</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>&amp;Export clients as CSV…</source>
        <translation>Clients als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation>Client &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language and theme…</source>
        <translation>&amp;Sprache und Farbschema…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About ModelGuard</source>
        <translation>&amp;Über ModelGuard</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>No connections — File ▸ Connections… (Ctrl+Shift+C)</source>
        <translation>Keine Verbindungen — Datei ▸ Verbindungen… (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>%1
Gateway: %2
Role: %3</source>
        <translation>%1
Gateway: %2
Rolle: %3</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>About ModelGuard</source>
        <translation>Über ModelGuard</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ModelGuard %1&lt;/h3&gt;&lt;p&gt;Security-operations console for LLM extraction defence: live usage and extraction risk of every client on your gateways.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ModelGuard %1&lt;/h3&gt;&lt;p&gt;Sicherheitskonsole zur Abwehr von LLM-Extraktion: Nutzung und Extraktionsrisiko jedes Clients auf Ihren Gateways in Echtzeit.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::OverviewPage</name>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Clients known on all connected gateways</source>
        <translation>Bekannte Clients auf allen verbundenen Gateways</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Fleet-wide requests per second (last 10 s average)</source>
        <translation>Anfragen pro Sekunde über alle Gateways (Mittel der letzten 10 s)</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
    <message>
        <source>Fleet-wide tokens per second (last 10 s average)</source>
        <translation>Tokens pro Sekunde über alle Gateways (Mittel der letzten 10 s)</translation>
    </message>
    <message>
        <source>Risk ≥ 60</source>
        <translation>Risiko ≥ 60</translation>
    </message>
    <message>
        <source>Clients whose extraction-risk score is 60 or more</source>
        <translation>Clients mit einem Extraktionsrisiko von 60 oder mehr</translation>
    </message>
    <message>
        <source>Throttled or blocked</source>
        <translation>Gedrosselt oder gesperrt</translation>
    </message>
    <message>
        <source>Clients with an enforcement action</source>
        <translation>Clients mit einer Durchsetzungsmaßnahme</translation>
    </message>
    <message>
        <source>Open high alerts</source>
        <translation>Offene hohe Alarme</translation>
    </message>
    <message>
        <source>Unacknowledged high-severity alerts</source>
        <translation>Unbestätigte Alarme hoher Schwere</translation>
    </message>
    <message>
        <source>Requests per second (15 min)</source>
        <translation>Anfragen pro Sekunde (15 min)</translation>
    </message>
    <message>
        <source>Tokens per second (15 min)</source>
        <translation>Tokens pro Sekunde (15 min)</translation>
    </message>
    <message>
        <source>Highest risk</source>
        <translation>Höchstes Risiko</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Requests/min</source>
        <translation>Anfragen/min</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>Gateways</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>No connections yet. Add a gateway with File ▸ Connections… (Ctrl+Shift+C).</source>
        <translation>Noch keine Verbindungen. Fügen Sie ein Gateway über Datei ▸ Verbindungen… hinzu (Strg+Umschalt+C).</translation>
    </message>
    <message>
        <source>No usage in the last 15 minutes</source>
        <translation>Keine Nutzung in den letzten 15 Minuten</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>A new language applies the next time the console starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start der Konsole.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::WatermarkKeyring</name>
    <message>
        <source>%1: the cached key cannot be read from the keychain (%2)</source>
        <translation>%1: Der zwischengespeicherte Schlüssel kann nicht aus dem Schlüsselbund gelesen werden (%2)</translation>
    </message>
    <message>
        <source>%1: this connection&apos;s token has the viewer role; fetching the watermark key needs an admin token</source>
        <translation>%1: Das Token dieser Verbindung hat die Rolle „viewer“; zum Abrufen des Wasserzeichen-Schlüssels ist ein Admin-Token nötig</translation>
    </message>
    <message>
        <source>%1: the watermark key could not be fetched (%2)</source>
        <translation>%1: Der Wasserzeichen-Schlüssel konnte nicht abgerufen werden (%2)</translation>
    </message>
    <message>
        <source>%1: the gateway sent an unusable key (%2)</source>
        <translation>%1: Das Gateway hat einen unbrauchbaren Schlüssel gesendet (%2)</translation>
    </message>
    <message>
        <source>%1: the key is used for this session only; the keychain could not store it (%2)</source>
        <translation>%1: Der Schlüssel gilt nur für diese Sitzung; der Schlüsselbund konnte ihn nicht speichern (%2)</translation>
    </message>
    <message>
        <source>%1: the watermark key cannot be fetched (%2)</source>
        <translation>%1: Der Wasserzeichen-Schlüssel kann nicht abgerufen werden (%2)</translation>
    </message>
</context>
</TS>
