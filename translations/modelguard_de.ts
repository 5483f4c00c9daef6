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
    <name>KeyInput</name>
    <message>
        <source>Enter the client id.</source>
        <translation>Geben Sie die Client-ID ein.</translation>
    </message>
    <message>
        <source>A client id has at most 128 characters.</source>
        <translation>Eine Client-ID hat höchstens 128 Zeichen.</translation>
    </message>
    <message>
        <source>A client id may contain only letters A–Z, digits and . _ : @ - (not “%1”).</source>
        <translation>Eine Client-ID darf nur Buchstaben A–Z, Ziffern und . _ : @ - enthalten (nicht „%1“).</translation>
    </message>
    <message>
        <source>A name has at most %1 characters.</source>
        <translation>Ein Name hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>A name may not contain control characters.</source>
        <translation>Ein Name darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Enter a valid date and time.</source>
        <translation>Geben Sie ein gültiges Datum und eine gültige Uhrzeit ein.</translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation>Der Ablaufzeitpunkt muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>At most %1 models can be listed.</source>
        <translation>Es können höchstens %1 Modelle angegeben werden.</translation>
    </message>
    <message>
        <source>The model name “%1…” is too long.</source>
        <translation>Der Modellname „%1…“ ist zu lang.</translation>
    </message>
    <message>
        <source>A model name may not contain control characters.</source>
        <translation>Ein Modellname darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The grace period is 0 to 30 days.</source>
        <translation>Die Kulanzzeit beträgt 0 bis 30 Tage.</translation>
    </message>
    <message>
        <source>Unknown endpoint “%1”.</source>
        <translation>Unbekannter Endpunkt „%1“.</translation>
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
    <name>modelguard::ui::AuditPage</name>
    <message>
        <source>intact</source>
        <translation>intakt</translation>
    </message>
    <message>
        <source>altered</source>
        <translation>verändert</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>reordered</source>
        <translation>umsortiert</translation>
    </message>
    <message>
        <source>forged</source>
        <translation>gefälscht</translation>
    </message>
    <message>
        <source>wrong key</source>
        <translation>falscher Schlüssel</translation>
    </message>
    <message>
        <source>head mismatch</source>
        <translation>Kopf abweichend</translation>
    </message>
    <message>
        <source>An entry&apos;s content no longer matches its hash: it was edited after it was written.</source>
        <translation>Der Inhalt eines Eintrags passt nicht mehr zu seinem Hash: Er wurde nach dem Schreiben bearbeitet.</translation>
    </message>
    <message>
        <source>Entries are missing: removed from the middle, the start or the end of the log.</source>
        <translation>Einträge fehlen: Sie wurden aus der Mitte, am Anfang oder am Ende des Protokolls entfernt.</translation>
    </message>
    <message>
        <source>Entries are out of their recorded order: an entry links to a different predecessor.</source>
        <translation>Einträge stehen nicht in ihrer aufgezeichneten Reihenfolge: Ein Eintrag verweist auf einen anderen Vorgänger.</translation>
    </message>
    <message>
        <source>An entry (or the log&apos;s head) is not sealed with this console&apos;s key: it was inserted or rewritten by someone without the key.</source>
        <translation>Ein Eintrag (oder der Kopf des Protokolls) ist nicht mit dem Schlüssel dieser Konsole versiegelt: Er wurde von jemandem ohne den Schlüssel eingefügt oder neu geschrieben.</translation>
    </message>
    <message>
        <source>Nothing verifies with the key in the keychain: the key is not this log&apos;s, or the whole log was re-keyed.</source>
        <translation>Mit dem Schlüssel im Schlüsselbund besteht kein Eintrag die Prüfung: Der Schlüssel gehört nicht zu diesem Protokoll, oder das gesamte Protokoll wurde mit einem neuen Schlüssel versehen.</translation>
    </message>
    <message>
        <source>Every entry verifies, but the log&apos;s head is missing, rolled back or points elsewhere.</source>
        <translation>Jeder Eintrag besteht die Prüfung, aber der Kopf des Protokolls fehlt, wurde zurückgesetzt oder verweist auf eine andere Stelle.</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Any gateway</source>
        <translation>Alle Gateways</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>Gateway:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Read the log again (entries of other console instances appear).</source>
        <translation>Das Protokoll erneut lesen (Einträge anderer Konsoleninstanzen erscheinen).</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Check every entry&apos;s hash chain and seal, and the log&apos;s head.</source>
        <translation>Hash-Kette und Siegel jedes Eintrags sowie den Kopf des Protokolls prüfen.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the entries matching the filters as JSON Lines or CSV.</source>
        <translation>Die zu den Filtern passenden Einträge als JSON Lines oder CSV speichern.</translation>
    </message>
    <message>
        <source>Save verification key…</source>
        <translation>Prüfschlüssel speichern…</translation>
    </message>
    <message>
        <source>Write the log&apos;s key to a file for &apos;modelguard-cli audit verify --key-file&apos;.</source>
        <translation>Den Schlüssel des Protokolls in eine Datei für „modelguard-cli audit verify --key-file“ schreiben.</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>(local)</source>
        <translation>(lokal)</translation>
    </message>
    <message>
        <source>This console has no audit log.</source>
        <translation>Diese Konsole hat kein Audit-Protokoll.</translation>
    </message>
    <message>
        <source>The audit log is not available: %1</source>
        <translation>Das Audit-Protokoll ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>The audit log is not open.</source>
        <translation>Das Audit-Protokoll ist nicht geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>Showing the newest %n matching entries; older ones are not listed (narrow the time range to see them).</source>
        <translation>
            <numerusform>Es wird der neueste %n passende Eintrag angezeigt; ältere werden nicht aufgelistet (grenzen Sie den Zeitraum ein, um sie zu sehen).</numerusform>
            <numerusform>Es werden die neuesten %n passenden Einträge angezeigt; ältere werden nicht aufgelistet (grenzen Sie den Zeitraum ein, um sie zu sehen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an entry to see the state before and after the action.</source>
        <translation>Wählen Sie einen Eintrag, um den Zustand vor und nach der Aktion zu sehen.</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>this console</source>
        <translation>dieser Konsole</translation>
    </message>
    <message>
        <source>Entry #%1 · %2 · %3 %4 on %5: %6</source>
        <translation>Eintrag #%1 · %2 · %3 %4 auf %5: %6</translation>
    </message>
    <message>
        <source>By %1 (%2) · hash %3…</source>
        <translation>Von %1 (%2) · Hash %3…</translation>
    </message>
    <message>
        <source>(nothing recorded)</source>
        <translation>(nichts aufgezeichnet)</translation>
    </message>
    <message numerus="yes">
        <source>Intact: %n entries, chain and seal verified.</source>
        <translation>
            <numerusform>Intakt: %n Eintrag, Kette und Siegel geprüft.</numerusform>
            <numerusform>Intakt: %n Einträge, Kette und Siegel geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <source>Broken at entry #%1: %2 — %3</source>
        <translation>Beschädigt bei Eintrag #%1: %2 — %3</translation>
    </message>
    <message>
        <source>Broken: %1 — %2</source>
        <translation>Beschädigt: %1 — %2</translation>
    </message>
    <message>
        <source>The audit log is not open: there is nothing to export.</source>
        <translation>Das Audit-Protokoll ist nicht geöffnet: Es gibt nichts zu exportieren.</translation>
    </message>
    <message>
        <source>No file name was given.</source>
        <translation>Es wurde kein Dateiname angegeben.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1 (disk full?).</source>
        <translation>%1 kann nicht geschrieben werden (Datenträger voll?).</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Audit-Protokoll exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 exportiert.</numerusform>
            <numerusform>%n Einträge nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log is not open: its key is not available.</source>
        <translation>Das Audit-Protokoll ist nicht geöffnet: Sein Schlüssel ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Cannot write the key to %1: %2</source>
        <translation>Der Schlüssel kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The key export could not be recorded in the audit log, so the key file was removed again: %1</source>
        <translation>Der Schlüsselexport konnte nicht im Audit-Protokoll aufgezeichnet werden, daher wurde die Schlüsseldatei wieder entfernt: %1</translation>
    </message>
    <message>
        <source>Save verification key</source>
        <translation>Prüfschlüssel speichern</translation>
    </message>
    <message>
        <source>The verification key lets anyone who has it forge audit entries that verify as genuine.</source>
        <translation>Mit dem Prüfschlüssel kann jeder, der ihn besitzt, Audit-Einträge fälschen, die bei der Prüfung als echt gelten.</translation>
    </message>
    <message>
        <source>Keep the file where only you can read it (it is written with permissions for you alone), use it for &apos;modelguard-cli audit verify --key-file&apos;, and delete it when done. The export is recorded in the audit log.</source>
        <translation>Bewahren Sie die Datei so auf, dass nur Sie sie lesen können (sie wird mit Berechtigungen nur für Sie geschrieben), verwenden Sie sie für „modelguard-cli audit verify --key-file“ und löschen Sie sie danach. Der Export wird im Audit-Protokoll aufgezeichnet.</translation>
    </message>
    <message>
        <source>Key files (*.key);;All files (*)</source>
        <translation>Schlüsseldateien (*.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Key saved to %1 (readable by you only). Verify the log with: modelguard-cli audit verify %2 --key-file %1</source>
        <translation>Schlüssel unter %1 gespeichert (nur für Sie lesbar). Prüfen Sie das Protokoll mit: modelguard-cli audit verify %2 --key-file %1</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::AuditTableModel</name>
    <message>
        <source>(local)</source>
        <translation>(lokal)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Entry #%1, %2 (UTC)</source>
        <translation>Eintrag #%1, %2 (UTC)</translation>
    </message>
    <message>
        <source>The action succeeded.</source>
        <translation>Die Aktion war erfolgreich.</translation>
    </message>
    <message>
        <source>An action of this console itself, not on a gateway.</source>
        <translation>Eine Aktion dieser Konsole selbst, nicht auf einem Gateway.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::BulkRevokeDialog</name>
    <message>
        <source>Revoke all keys of a client</source>
        <translation>Alle Schlüssel eines Clients widerrufen</translation>
    </message>
    <message>
        <source>Every key of the client is revoked at once on the checked gateways; applications using them stop working. Revoked keys cannot be restored.</source>
        <translation>Alle Schlüssel des Clients werden auf den ausgewählten Gateways sofort widerrufen; Anwendungen, die sie verwenden, funktionieren nicht mehr. Widerrufene Schlüssel können nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Client:</translation>
    </message>
    <message>
        <source>Revoke all…</source>
        <translation>Alle widerrufen…</translation>
    </message>
    <message>
        <source>Check at least one gateway under “Apply to”.</source>
        <translation>Wählen Sie unter „Anwenden auf“ mindestens ein Gateway aus.</translation>
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
    <name>modelguard::ui::KeyCreateDialog</name>
    <message>
        <source>New API key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>The key&apos;s secret is shown once after it is created; the gateway keeps only a hash of it and the console does not store it.</source>
        <translation>Das Secret des Schlüssels wird nach dem Erstellen einmal angezeigt; das Gateway speichert nur einen Hash davon, und die Konsole speichert es nicht.</translation>
    </message>
    <message>
        <source>e.g. acme-prod</source>
        <translation>z. B. acme-prod</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Client:</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Check at least one gateway under “Apply to”.</source>
        <translation>Wählen Sie unter „Anwenden auf“ mindestens ein Gateway aus.</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::KeyEditDialog</name>
    <message>
        <source>Key %1 (%2) of client %3 on %4</source>
        <translation>Schlüssel %1 (%2) des Clients %3 auf %4</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>ohne Namen</translation>
    </message>
    <message>
        <source>e.g. production backend</source>
        <translation>z. B. Produktions-Backend</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>Ablauf:</translation>
    </message>
    <message>
        <source>comma-separated; empty = all models</source>
        <translation>durch Kommas getrennt; leer = alle Modelle</translation>
    </message>
    <message>
        <source>Allowed &amp;models:</source>
        <translation>Zulässige &amp;Modelle:</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Completions</source>
        <translation>Completions</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>Embeddings</translation>
    </message>
    <message>
        <source>Models list</source>
        <translation>Modellliste</translation>
    </message>
    <message>
        <source>None checked = all endpoints.</source>
        <translation>Keiner ausgewählt = alle Endpunkte.</translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation>Endpunkte:</translation>
    </message>
    <message>
        <source>Edit API key</source>
        <translation>API-Schlüssel bearbeiten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Nothing has been changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::KeyTableModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expires in %1</source>
        <translation>Läuft in %1 ab</translation>
    </message>
    <message>
        <source>Expired (replaced)</source>
        <translation>Abgelaufen (ersetzt)</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Old key until %1 (rotated)</source>
        <translation>Alter Schlüssel bis %1 (rotiert)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>models: %1 · endpoints: %2</source>
        <translation>Modelle: %1 · Endpunkte: %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Replaced by mg_%1</source>
        <translation>Ersetzt durch mg_%1</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Geltungsbereich</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::KeysPage</name>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>New key…</source>
        <translation>Neuer Schlüssel…</translation>
    </message>
    <message>
        <source>Issue a new API key</source>
        <translation>Einen neuen API-Schlüssel ausstellen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the name, expiry or scopes of the key</source>
        <translation>Name, Ablaufdatum oder Geltungsbereich des Schlüssels ändern</translation>
    </message>
    <message>
        <source>Rotate…</source>
        <translation>Rotieren…</translation>
    </message>
    <message>
        <source>Replace the key by a new one; the old one works for a grace period</source>
        <translation>Den Schlüssel durch einen neuen ersetzen; der alte funktioniert noch während einer Kulanzzeit</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Widerrufen…</translation>
    </message>
    <message>
        <source>Revoke the key at once</source>
        <translation>Den Schlüssel sofort widerrufen</translation>
    </message>
    <message>
        <source>Revoke all keys of client…</source>
        <translation>Alle Schlüssel des Clients widerrufen…</translation>
    </message>
    <message>
        <source>Revoke every key of a client, on one or several gateways</source>
        <translation>Alle Schlüssel eines Clients widerrufen, auf einem oder mehreren Gateways</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the keys again</source>
        <translation>Die Schlüssel neu einlesen</translation>
    </message>
    <message>
        <source>Filter by client, name or key prefix</source>
        <translation>Nach Client, Name oder Schlüsselpräfix filtern</translation>
    </message>
    <message>
        <source>Show revoked</source>
        <translation>Widerrufene anzeigen</translation>
    </message>
    <message>
        <source>The keys of %1 could not be read: %2</source>
        <translation>Die Schlüssel von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no gateway is selected.</source>
        <translation>kein Gateway ausgewählt.</translation>
    </message>
    <message>
        <source>no admin service.</source>
        <translation>kein Verwaltungsdienst.</translation>
    </message>
    <message>
        <source>The key was not created: %1</source>
        <translation>Der Schlüssel wurde nicht erstellt: %1</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>%1 is no longer connected: nothing was changed.</source>
        <translation>%1 ist nicht mehr verbunden: Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>nothing has been changed.</source>
        <translation>es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The key was not changed: %1</source>
        <translation>Der Schlüssel wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Edit API key</source>
        <translation>API-Schlüssel bearbeiten</translation>
    </message>
    <message>
        <source>The key was not rotated: %1</source>
        <translation>Der Schlüssel wurde nicht rotiert: %1</translation>
    </message>
    <message>
        <source>Rotated API key</source>
        <translation>Rotierter API-Schlüssel</translation>
    </message>
    <message>
        <source>Revoke the key %1 (%2) of client “%3” on %4?

Applications using it stop working at once. A revoked key cannot be restored.</source>
        <translation>Den Schlüssel %1 (%2) des Clients „%3“ auf %4 widerrufen?

Anwendungen, die ihn verwenden, funktionieren sofort nicht mehr. Ein widerrufener Schlüssel kann nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>ohne Namen</translation>
    </message>
    <message>
        <source>The key %1 was not revoked.</source>
        <translation>Der Schlüssel %1 wurde nicht widerrufen.</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>No key was revoked: %1</source>
        <translation>Kein Schlüssel wurde widerrufen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Revoke all keys of client “%1” on %2?

%n key(s) in use will stop working at once. Revoked keys cannot be restored.</source>
        <translation>
            <numerusform>Alle Schlüssel des Clients „%1“ auf %2 widerrufen?

%n aktiver Schlüssel funktioniert sofort nicht mehr. Widerrufene Schlüssel können nicht wiederhergestellt werden.</numerusform>
            <numerusform>Alle Schlüssel des Clients „%1“ auf %2 widerrufen?

%n aktive Schlüssel funktionieren sofort nicht mehr. Widerrufene Schlüssel können nicht wiederhergestellt werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The keys of %1 were not revoked.</source>
        <translation>Die Schlüssel von %1 wurden nicht widerrufen.</translation>
    </message>
    <message>
        <source>Revoke all keys of %1</source>
        <translation>Alle Schlüssel von %1 widerrufen</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n Schlüssel</numerusform>
            <numerusform>%n Schlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n key(s)</source>
        <translation>
            <numerusform>%1 von %n Schlüssel</numerusform>
            <numerusform>%1 von %n Schlüsseln</numerusform>
        </translation>
    </message>
    <message>
        <source>No gateway is connected.</source>
        <translation>Kein Gateway verbunden.</translation>
    </message>
    <message>
        <source>No admin service.</source>
        <translation>Kein Verwaltungsdienst.</translation>
    </message>
    <message>
        <source>Read-only: %1 Keys can be viewed but not changed.</source>
        <translation>Nur Lesezugriff: %1 Schlüssel können angezeigt, aber nicht geändert werden.</translation>
    </message>
    <message>
        <source>Select a key first.</source>
        <translation>Wählen Sie zuerst einen Schlüssel aus.</translation>
    </message>
    <message>
        <source>%1 is no longer connected.</source>
        <translation>%1 ist nicht mehr verbunden.</translation>
    </message>
    <message>
        <source>The key is revoked.</source>
        <translation>Der Schlüssel ist widerrufen.</translation>
    </message>
    <message>
        <source>The key has already been replaced or has expired.</source>
        <translation>Der Schlüssel wurde bereits ersetzt oder ist abgelaufen.</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::LimitsEditor</name>
    <message>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>Largest sustained request rate (a short burst is allowed).</source>
        <translation>Höchste dauerhafte Anfragerate (kurze Lastspitzen sind erlaubt).</translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <source>Requests in any 60 seconds.</source>
        <translation>Anfragen in beliebigen 60 Sekunden.</translation>
    </message>
    <message>
        <source>Tokens per minute</source>
        <translation>Tokens pro Minute</translation>
    </message>
    <message>
        <source>Prompt and completion tokens in any 60 seconds.</source>
        <translation>Prompt- und Completion-Tokens in beliebigen 60 Sekunden.</translation>
    </message>
    <message>
        <source>Requests per day</source>
        <translation>Anfragen pro Tag</translation>
    </message>
    <message>
        <source>Quota, from 00:00 UTC.</source>
        <translation>Kontingent, ab 00:00 UTC.</translation>
    </message>
    <message>
        <source>Tokens per day</source>
        <translation>Tokens pro Tag</translation>
    </message>
    <message>
        <source>Quota of prompt and completion tokens, from 00:00 UTC.</source>
        <translation>Kontingent an Prompt- und Completion-Tokens, ab 00:00 UTC.</translation>
    </message>
    <message>
        <source>Tokens per month</source>
        <translation>Tokens pro Monat</translation>
    </message>
    <message>
        <source>Quota of prompt and completion tokens, from the first of the month, UTC.</source>
        <translation>Kontingent an Prompt- und Completion-Tokens, ab dem Monatsersten, UTC.</translation>
    </message>
    <message>
        <source>Default max_tokens</source>
        <translation>Standard-max_tokens</translation>
    </message>
    <message>
        <source>max_tokens given to requests that set none; quotas reserve it while a request runs. At least 1.</source>
        <translation>max_tokens für Anfragen, die keinen Wert angeben; Kontingente reservieren ihn, solange eine Anfrage läuft. Mindestens 1.</translation>
    </message>
    <message>
        <source>max_tokens cap</source>
        <translation>max_tokens-Obergrenze</translation>
    </message>
    <message>
        <source>Largest max_tokens a request may ask for; larger values are lowered to it.</source>
        <translation>Größter max_tokens-Wert, den eine Anfrage anfordern darf; größere Werte werden auf ihn herabgesetzt.</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Ratenlimits</translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation>Kontingente</translation>
    </message>
    <message>
        <source>Tokens per request</source>
        <translation>Tokens pro Anfrage</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>Keine Obergrenze</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>%1 requests/s</source>
        <translation>%1 Anfragen/s</translation>
    </message>
    <message>
        <source>%1 requests/min</source>
        <translation>%1 Anfragen/min</translation>
    </message>
    <message>
        <source>%1 tokens/min</source>
        <translation>%1 Tokens/min</translation>
    </message>
    <message>
        <source>%1 requests/day</source>
        <translation>%1 Anfragen/Tag</translation>
    </message>
    <message>
        <source>%1 tokens/day</source>
        <translation>%1 Tokens/Tag</translation>
    </message>
    <message>
        <source>%1 tokens/month</source>
        <translation>%1 Tokens/Monat</translation>
    </message>
    <message>
        <source>max_tokens at most %1</source>
        <translation>max_tokens höchstens %1</translation>
    </message>
    <message>
        <source>No limits</source>
        <translation>Keine Limits</translation>
    </message>
    <message>
        <source>max_tokens %1 by default</source>
        <translation>max_tokens standardmäßig %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range.</source>
        <translation>„%1“ liegt außerhalb des zulässigen Bereichs.</translation>
    </message>
    <message>
        <source>The default max_tokens must be at least 1.</source>
        <translation>Der Standardwert für max_tokens muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>The max_tokens cap (%1) must not be lower than the default max_tokens (%2); 0 means no cap.</source>
        <translation>Die max_tokens-Obergrenze (%1) darf nicht unter dem Standardwert für max_tokens (%2) liegen; 0 bedeutet keine Obergrenze.</translation>
    </message>
    <message>
        <source>%1
Changed, not saved yet.</source>
        <translation>%1
Geändert, noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>%1 now</source>
        <translation>%1 aktuell</translation>
    </message>
    <message>
        <source>%1 in the last minute</source>
        <translation>%1 in der letzten Minute</translation>
    </message>
    <message>
        <source>%1 used today</source>
        <translation>%1 heute genutzt</translation>
    </message>
    <message>
        <source>%1 used this month</source>
        <translation>%1 in diesem Monat genutzt</translation>
    </message>
    <message>
        <source>%1 — over this limit (%2 %)</source>
        <translation>%1 — über diesem Limit (%2 %)</translation>
    </message>
    <message>
        <source>%1 (%2 % of this limit)</source>
        <translation>%1 (%2 % dieses Limits)</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::LimitsPage</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — revoked</source>
        <translation>%1 — widerrufen</translation>
    </message>
    <message>
        <source>Limits of:</source>
        <translation>Limits für:</translation>
    </message>
    <message>
        <source>The default (all clients)</source>
        <translation>Standard (alle Clients)</translation>
    </message>
    <message>
        <source>A client</source>
        <translation>Ein Client</translation>
    </message>
    <message>
        <source>A key of a client</source>
        <translation>Ein Schlüssel eines Clients</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Client:</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Read the limits from the gateway again (unsaved changes are dropped).</source>
        <translation>Die Limits erneut vom Gateway lesen (nicht gespeicherte Änderungen werden verworfen).</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Drop the unsaved changes.</source>
        <translation>Die nicht gespeicherten Änderungen verwerfen.</translation>
    </message>
    <message>
        <source>Use default</source>
        <translation>Standard verwenden</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Remove key limits</source>
        <translation>Schlüssel-Limits entfernen</translation>
    </message>
    <message>
        <source>The key gets no limits of its own: only its client&apos;s limits apply.</source>
        <translation>Der Schlüssel erhält keine eigenen Limits: Es gelten nur die Limits seines Clients.</translation>
    </message>
    <message>
        <source>Remove the client&apos;s own limits: the default limits apply to it again.</source>
        <translation>Die eigenen Limits des Clients entfernen: Für ihn gelten wieder die Standardlimits.</translation>
    </message>
    <message>
        <source>No admin service.</source>
        <translation>Kein Verwaltungsdienst.</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Nur lesen: %1</translation>
    </message>
    <message>
        <source>Choose at least one gateway under “Apply to”.</source>
        <translation>Wählen Sie unter „Anwenden auf“ mindestens ein Gateway.</translation>
    </message>
    <message>
        <source>The current limits could not be read.</source>
        <translation>Die aktuellen Limits konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Send these limits to the gateways chosen under “Apply to”.</source>
        <translation>Diese Limits an die unter „Anwenden auf“ gewählten Gateways senden.</translation>
    </message>
    <message>
        <source>No gateway is connected to read the limits from.</source>
        <translation>Kein Gateway verbunden, von dem die Limits gelesen werden können.</translation>
    </message>
    <message>
        <source>The default limits could not be read from %1: %2</source>
        <translation>Die Standardlimits konnten nicht von %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>The default limits on %1: they apply to every client without limits of its own.</source>
        <translation>Die Standardlimits auf %1: Sie gelten für jeden Client ohne eigene Limits.</translation>
    </message>
    <message>
        <source>Enter or choose a client.</source>
        <translation>Geben Sie einen Client ein oder wählen Sie einen aus.</translation>
    </message>
    <message>
        <source>“%1” is not a valid client id (1 to 128 letters, digits or . _ : @ -).</source>
        <translation>„%1“ ist keine gültige Client-ID (1 bis 128 Buchstaben, Ziffern oder . _ : @ -).</translation>
    </message>
    <message>
        <source>%1 is no longer connected.</source>
        <translation>%1 ist nicht mehr verbunden.</translation>
    </message>
    <message>
        <source>The limits of %1 could not be read from %2: %3</source>
        <translation>Die Limits von %1 konnten nicht von %2 gelesen werden: %3</translation>
    </message>
    <message>
        <source>Usage of %1 on %2: %3 tokens today, %4 this month, %5 requests today; %6 % of its largest quota in use.</source>
        <translation>Nutzung von %1 auf %2: heute %3 Tokens, in diesem Monat %4, heute %5 Anfragen; %6 % des größten Kontingents genutzt.</translation>
    </message>
    <message>
        <source>%1 has sent no requests through %2 yet.</source>
        <translation>%1 hat noch keine Anfragen über %2 gesendet.</translation>
    </message>
    <message>
        <source>The usage of %1 could not be read from %2: %3</source>
        <translation>Die Nutzung von %1 konnte nicht von %2 gelesen werden: %3</translation>
    </message>
    <message>
        <source>%1 has limits of its own on %2.</source>
        <translation>%1 hat auf %2 eigene Limits.</translation>
    </message>
    <message>
        <source>%1 uses the default limits on %2; saving gives it limits of its own.</source>
        <translation>%1 verwendet auf %2 die Standardlimits; durch Speichern erhält der Client eigene Limits.</translation>
    </message>
    <message>
        <source>In force: %1</source>
        <translation>Wirksam: %1</translation>
    </message>
    <message>
        <source>The keys of %1 could not be read from %2: %3</source>
        <translation>Die Schlüssel von %1 konnten nicht von %2 gelesen werden: %3</translation>
    </message>
    <message>
        <source>%1 has no keys on %2.</source>
        <translation>%1 hat auf %2 keine Schlüssel.</translation>
    </message>
    <message>
        <source>%1 has no key %2 on %3.</source>
        <translation>%1 hat auf %3 keinen Schlüssel %2.</translation>
    </message>
    <message>
        <source>The key %1 has limits of its own on %2; its client&apos;s limits apply as well.</source>
        <translation>Der Schlüssel %1 hat auf %2 eigene Limits; die Limits seines Clients gelten zusätzlich.</translation>
    </message>
    <message>
        <source>The key %1 has no limits of its own on %2: only its client&apos;s limits apply.</source>
        <translation>Der Schlüssel %1 hat auf %2 keine eigenen Limits: Es gelten nur die Limits seines Clients.</translation>
    </message>
    <message>
        <source>Limits of %1: %2</source>
        <translation>Limits von %1: %2</translation>
    </message>
    <message>
        <source>Shown: the state on %1.</source>
        <translation>Angezeigt: der Zustand auf %1.</translation>
    </message>
    <message>
        <source>no admin service.</source>
        <translation>kein Verwaltungsdienst.</translation>
    </message>
    <message>
        <source>a change is still being applied.</source>
        <translation>eine Änderung wird noch angewendet.</translation>
    </message>
    <message>
        <source>no gateway is selected under “Apply to”.</source>
        <translation>unter „Anwenden auf“ ist kein Gateway ausgewählt.</translation>
    </message>
    <message>
        <source>no client is chosen.</source>
        <translation>kein Client ausgewählt.</translation>
    </message>
    <message>
        <source>no key is chosen.</source>
        <translation>kein Schlüssel ausgewählt.</translation>
    </message>
    <message>
        <source>the current limits could not be read (%1).</source>
        <translation>die aktuellen Limits konnten nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Default limits</source>
        <translation>Standardlimits</translation>
    </message>
    <message>
        <source>Limits of %1</source>
        <translation>Limits von %1</translation>
    </message>
    <message>
        <source>Limits of key %1</source>
        <translation>Limits des Schlüssels %1</translation>
    </message>
    <message>
        <source>the default limits cannot be removed.</source>
        <translation>die Standardlimits können nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>Default limits for %1</source>
        <translation>Standardlimits für %1</translation>
    </message>
    <message>
        <source>Limits of key %1 removed</source>
        <translation>Limits des Schlüssels %1 entfernt</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
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
        <source>Connect to model-artifact vaults: encrypted checkpoints, who may read them, the access log and the approval of exports.</source>
        <translation>Mit Modell-Tresoren verbinden: verschlüsselte Checkpoints, wer sie lesen darf, das Zugriffsprotokoll und die Freigabe von Exporten.</translation>
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
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Quotas &amp;&amp; limits</source>
        <translation>Kontingente &amp;&amp; Limits</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::OutputPolicyForm</name>
    <message>
        <source>Allow</source>
        <translation>Erlauben</translation>
    </message>
    <message>
        <source>Cap the number of alternatives</source>
        <translation>Anzahl der Alternativen begrenzen</translation>
    </message>
    <message>
        <source>Round the values</source>
        <translation>Werte runden</translation>
    </message>
    <message>
        <source>Add noise to the values</source>
        <translation>Rauschen zu den Werten hinzufügen</translation>
    </message>
    <message>
        <source>Strip from requests</source>
        <translation>Aus Anfragen entfernen</translation>
    </message>
    <message>
        <source>Refuse requests asking for them</source>
        <translation>Anfragen, die sie anfordern, ablehnen</translation>
    </message>
    <message>
        <source>Logprobs:</source>
        <translation>Logprobs:</translation>
    </message>
    <message>
        <source>Token probabilities are the richest signal for copying a model; limit or remove them.</source>
        <translation>Token-Wahrscheinlichkeiten sind das ergiebigste Signal zum Kopieren eines Modells; begrenzen oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>Alternatives at most:</source>
        <translation>Max. Alternativen:</translation>
    </message>
    <message>
        <source>With &quot;cap&quot;: top_logprobs is lowered to this, so fewer alternatives per token leak out.</source>
        <translation>Bei „begrenzen“: top_logprobs wird auf diesen Wert gesenkt, sodass weniger Alternativen pro Token nach außen gelangen.</translation>
    </message>
    <message>
        <source>Decimals kept:</source>
        <translation>Beibehaltene Nachkommastellen:</translation>
    </message>
    <message>
        <source>With &quot;round&quot;: logprobs are rounded to this many decimals, hiding the fine detail a copy learns from.</source>
        <translation>Bei „runden“: Logprobs werden auf so viele Nachkommastellen gerundet; so bleiben die feinen Details verborgen, aus denen eine Kopie lernt.</translation>
    </message>
    <message>
        <source>Noise (standard deviation):</source>
        <translation>Rauschen (Standardabweichung):</translation>
    </message>
    <message>
        <source>With &quot;noise&quot;: random noise of this size is added to logprobs, so averaging many answers costs more.</source>
        <translation>Bei „Rauschen“: Den Logprobs wird Zufallsrauschen dieser Stärke hinzugefügt, sodass das Mitteln vieler Antworten mehr kostet.</translation>
    </message>
    <message>
        <source>Cap entries and size</source>
        <translation>Einträge und Größe begrenzen</translation>
    </message>
    <message>
        <source>Refuse requests using it</source>
        <translation>Anfragen damit ablehnen</translation>
    </message>
    <message>
        <source>Refuse it together with logprobs</source>
        <translation>Zusammen mit Logprobs ablehnen</translation>
    </message>
    <message>
        <source>Logit bias:</source>
        <translation>Logit-Bias:</translation>
    </message>
    <message>
        <source>Biasing tokens while reading logprobs reveals the model&apos;s hidden scores; limit or refuse it.</source>
        <translation>Tokens per Bias zu verschieben und dabei Logprobs zu lesen, legt die verborgenen Werte des Modells offen; begrenzen oder verweigern Sie es.</translation>
    </message>
    <message>
        <source>Biased tokens at most:</source>
        <translation>Max. Tokens mit Bias:</translation>
    </message>
    <message>
        <source>With &quot;cap&quot;: at most this many tokens may be biased per request.</source>
        <translation>Bei „begrenzen“: Pro Anfrage dürfen höchstens so viele Tokens einen Bias erhalten.</translation>
    </message>
    <message>
        <source>Bias size at most:</source>
        <translation>Max. Bias-Stärke:</translation>
    </message>
    <message>
        <source>With &quot;cap&quot;: larger biases are refused, so single tokens cannot be forced to probe the model.</source>
        <translation>Bei „begrenzen“: Stärkere Bias-Werte werden abgelehnt, sodass sich einzelne Tokens nicht erzwingen lassen, um das Modell auszuforschen.</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Choices per request at most:</source>
        <translation>Max. Antworten pro Anfrage:</translation>
    </message>
    <message>
        <source>Larger n and best_of are lowered to this, so one request cannot sample many answers (0: no limit).</source>
        <translation>Größere Werte für n und best_of werden auf diesen Wert gesenkt, sodass eine Anfrage nicht viele Antworten erzeugen kann (0: unbegrenzt).</translation>
    </message>
    <message>
        <source>Lowest temperature:</source>
        <translation>Niedrigste Temperatur:</translation>
    </message>
    <message>
        <source>Lower temperatures are raised to this, so answers are less of an exact copy of the model&apos;s choices.</source>
        <translation>Niedrigere Temperaturen werden auf diesen Wert angehoben, sodass Antworten die Entscheidungen des Modells weniger genau abbilden.</translation>
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
    <name>modelguard::ui::PoliciesPage</name>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Policies of:</source>
        <translation>Richtlinien für:</translation>
    </message>
    <message>
        <source>Default (all clients)</source>
        <translation>Standard (alle Clients)</translation>
    </message>
    <message>
        <source>The defaults apply to every client without an override. Type or pick a client id to see and change its overrides and to act on it.</source>
        <translation>Die Standardwerte gelten für jeden Client ohne Überschreibung. Geben Sie eine Client-ID ein oder wählen Sie eine aus, um die Überschreibungen des Clients anzuzeigen und zu ändern und Maßnahmen für ihn zu ergreifen.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Output policy</source>
        <translation>Ausgaberichtlinie</translation>
    </message>
    <message>
        <source>Override the default</source>
        <translation>Standard überschreiben</translation>
    </message>
    <message>
        <source>Checked: this client has its own output policy. Unchecking removes it and the default applies again.</source>
        <translation>Aktiviert: Dieser Client hat eine eigene Ausgaberichtlinie. Beim Deaktivieren wird sie entfernt, und der Standard gilt wieder.</translation>
    </message>
    <message>
        <source>Save output policy</source>
        <translation>Ausgaberichtlinie speichern</translation>
    </message>
    <message>
        <source>Watermark policy</source>
        <translation>Wasserzeichen-Richtlinie</translation>
    </message>
    <message>
        <source>Save watermark policy</source>
        <translation>Wasserzeichen-Richtlinie speichern</translation>
    </message>
    <message>
        <source>Risk thresholds and automatic actions</source>
        <translation>Risikoschwellen und automatische Maßnahmen</translation>
    </message>
    <message>
        <source>Risk thresholds apply to all clients: choose &quot;Default (all clients)&quot; to change them.</source>
        <translation>Risikoschwellen gelten für alle Clients: Wählen Sie „Standard (alle Clients)“, um sie zu ändern.</translation>
    </message>
    <message>
        <source>Save risk thresholds</source>
        <translation>Risikoschwellen speichern</translation>
    </message>
    <message>
        <source>Manual action on the client</source>
        <translation>Manuelle Maßnahme für den Client</translation>
    </message>
    <message>
        <source>Reason (required, recorded in the audit logs)</source>
        <translation>Grund (erforderlich, wird in den Audit-Protokollen aufgezeichnet)</translation>
    </message>
    <message>
        <source>Throttle</source>
        <translation>Drosseln</translation>
    </message>
    <message>
        <source>Slows the client down to the throttled rate until the pin is cleared.</source>
        <translation>Verlangsamt den Client auf die gedrosselte Rate, bis die Fixierung aufgehoben wird.</translation>
    </message>
    <message>
        <source>Block…</source>
        <translation>Sperren…</translation>
    </message>
    <message>
        <source>Refuses every request of the client until the pin is cleared.</source>
        <translation>Lehnt jede Anfrage des Clients ab, bis die Fixierung aufgehoben wird.</translation>
    </message>
    <message>
        <source>Strip logprobs</source>
        <translation>Logprobs entfernen</translation>
    </message>
    <message>
        <source>Removes logprobs from the client&apos;s requests until the pin is cleared.</source>
        <translation>Entfernt Logprobs aus den Anfragen des Clients, bis die Fixierung aufgehoben wird.</translation>
    </message>
    <message>
        <source>Clear pin</source>
        <translation>Fixierung aufheben</translation>
    </message>
    <message>
        <source>Removes the pinned action: the risk score decides again.</source>
        <translation>Hebt die fixierte Maßnahme auf: Wieder entscheidet der Risikowert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a client id: use 1 to 128 letters, digits and . _ : @ -</source>
        <translation>„%1“ ist keine Client-ID: Verwenden Sie 1 bis 128 Buchstaben, Ziffern und . _ : @ -</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>No gateway is connected: there is nothing to show.</source>
        <translation>Kein Gateway verbunden: Es gibt nichts anzuzeigen.</translation>
    </message>
    <message>
        <source>The policies could not be read from %1: %2</source>
        <translation>Die Richtlinien konnten nicht von %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>Showing the default policies of %1.</source>
        <translation>Angezeigt werden die Standardrichtlinien von %1.</translation>
    </message>
    <message>
        <source>Showing the policies of client %1 on %2.</source>
        <translation>Angezeigt werden die Richtlinien von Client %1 auf %2.</translation>
    </message>
    <message>
        <source>Action on %1: %2, pinned by an administrator.</source>
        <translation>Maßnahme auf %1: %2, von einem Administrator fixiert.</translation>
    </message>
    <message>
        <source>Action on %1: %2 (from the risk score, score %3).</source>
        <translation>Maßnahme auf %1: %2 (aus dem Risikowert, Wert %3).</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>%1 does not know this client yet (no key, no traffic): there is nothing to act on.</source>
        <translation>%1 kennt diesen Client noch nicht (kein Schlüssel, kein Verkehr): Es ist keine Maßnahme möglich.</translation>
    </message>
    <message>
        <source>another change is still being made.</source>
        <translation>eine andere Änderung ist noch in Arbeit.</translation>
    </message>
    <message>
        <source>check at least one gateway under &quot;Apply to&quot;.</source>
        <translation>wählen Sie unter „Anwenden auf“ mindestens ein Gateway aus.</translation>
    </message>
    <message>
        <source>choose a client first.</source>
        <translation>wählen Sie zuerst einen Client.</translation>
    </message>
    <message>
        <source>Change the values and save to give %1 its own policy.</source>
        <translation>Ändern Sie die Werte und speichern Sie, um %1 eine eigene Richtlinie zu geben.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Output policy not sent: %1</source>
        <translation>Ausgaberichtlinie nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Default output policy</source>
        <translation>Standard-Ausgaberichtlinie</translation>
    </message>
    <message>
        <source>Output policy of %1</source>
        <translation>Ausgaberichtlinie von %1</translation>
    </message>
    <message>
        <source>Watermark policy not sent: %1</source>
        <translation>Wasserzeichen-Richtlinie nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Default watermark policy</source>
        <translation>Standard-Wasserzeichen-Richtlinie</translation>
    </message>
    <message>
        <source>Watermark policy of %1</source>
        <translation>Wasserzeichen-Richtlinie von %1</translation>
    </message>
    <message>
        <source>risk thresholds exist only as defaults for all clients.</source>
        <translation>Risikoschwellen gibt es nur als Standard für alle Clients.</translation>
    </message>
    <message>
        <source>Risk thresholds not sent: %1</source>
        <translation>Risikoschwellen nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Default risk thresholds</source>
        <translation>Standard-Risikoschwellen</translation>
    </message>
    <message>
        <source>Override not removed: %1</source>
        <translation>Überschreibung nicht entfernt: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an action.</source>
        <translation>„%1“ ist keine Maßnahme.</translation>
    </message>
    <message>
        <source>a reason is required.</source>
        <translation>ein Grund ist erforderlich.</translation>
    </message>
    <message>
        <source>the reason is longer than %1 characters.</source>
        <translation>der Grund ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>Action not sent: %1</source>
        <translation>Maßnahme nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Block every request of %1 on %2 until the pin is cleared?</source>
        <translation>Jede Anfrage von %1 auf %2 sperren, bis die Fixierung aufgehoben wird?</translation>
    </message>
    <message>
        <source>Block not sent: not confirmed.</source>
        <translation>Sperre nicht gesendet: nicht bestätigt.</translation>
    </message>
    <message>
        <source>Clear the pin of %1</source>
        <translation>Fixierung von %1 aufheben</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Nur lesen: %1</translation>
    </message>
    <message>
        <source>Inherited from the default policy.</source>
        <translation>Von der Standardrichtlinie übernommen.</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Choose a client above to throttle, block or strip logprobs by hand.</source>
        <translation>Wählen Sie oben einen Client, um ihn manuell zu drosseln, zu sperren oder ihm die Logprobs zu entziehen.</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::RiskPolicyForm</name>
    <message>
        <source>Strip logprobs from score:</source>
        <translation>Logprobs entfernen ab Wert:</translation>
    </message>
    <message>
        <source>From this risk score on, a client gets no logprobs: the cheapest signal for copying is gone.</source>
        <translation>Ab diesem Risikowert erhält ein Client keine Logprobs mehr: Das billigste Signal zum Kopieren entfällt.</translation>
    </message>
    <message>
        <source>Throttle from score:</source>
        <translation>Drosseln ab Wert:</translation>
    </message>
    <message>
        <source>From this score on, the client is slowed down, so collecting training data takes far longer.</source>
        <translation>Ab diesem Wert wird der Client verlangsamt, sodass das Sammeln von Trainingsdaten viel länger dauert.</translation>
    </message>
    <message>
        <source>Block from score:</source>
        <translation>Sperren ab Wert:</translation>
    </message>
    <message>
        <source>From this score on, every request of the client is refused.</source>
        <translation>Ab diesem Wert wird jede Anfrage des Clients abgelehnt.</translation>
    </message>
    <message>
        <source>Act automatically</source>
        <translation>Automatisch handeln</translation>
    </message>
    <message>
        <source>Automatic actions:</source>
        <translation>Automatische Maßnahmen:</translation>
    </message>
    <message>
        <source>Off: scores are still computed and reported, but only an administrator acts on them.</source>
        <translation>Aus: Die Werte werden weiterhin berechnet und gemeldet, aber nur ein Administrator ergreift Maßnahmen.</translation>
    </message>
    <message>
        <source> requests/s</source>
        <translation> Anfragen/s</translation>
    </message>
    <message>
        <source>Throttled rate:</source>
        <translation>Gedrosselte Rate:</translation>
    </message>
    <message>
        <source>The requests per second a throttled client may still make.</source>
        <translation>Die Anfragen pro Sekunde, die ein gedrosselter Client noch stellen darf.</translation>
    </message>
    <message>
        <source>The score that strips logprobs (%1) must not be above the throttle score (%2).</source>
        <translation>Der Wert für das Entfernen der Logprobs (%1) darf nicht über dem Wert für das Drosseln (%2) liegen.</translation>
    </message>
    <message>
        <source>The throttle score (%1) must not be above the block score (%2).</source>
        <translation>Der Wert für das Drosseln (%1) darf nicht über dem Wert für das Sperren (%2) liegen.</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::RotateDialog</name>
    <message>
        <source>Rotate API key</source>
        <translation>API-Schlüssel rotieren</translation>
    </message>
    <message>
        <source>A new key with the same client and scopes replaces this one; its secret is shown once. The old key keeps working during the grace period, then stops.</source>
        <translation>Ein neuer Schlüssel mit demselben Client und Geltungsbereich ersetzt diesen; sein Secret wird einmal angezeigt. Der alte Schlüssel funktioniert während der Kulanzzeit weiter und danach nicht mehr.</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>&amp;Kulanzzeit:</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotieren</translation>
    </message>
</context>
<context>
    <name>modelguard::ui::SecretDialog</name>
    <message>
        <source>&lt;b&gt;Copy the secret now: it cannot be shown again.&lt;/b&gt;&lt;br&gt;The gateway keeps only a hash of it and the console does not store it. Whoever has it can use the key.</source>
        <translation>&lt;b&gt;Kopieren Sie das Secret jetzt: Es kann nicht erneut angezeigt werden.&lt;/b&gt;&lt;br&gt;Das Gateway speichert nur einen Hash davon, und die Konsole speichert es nicht. Wer es besitzt, kann den Schlüssel verwenden.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>%1 (%2, %3):</source>
        <translation>%1 (%2, %3):</translation>
    </message>
    <message>
        <source>I have copied it</source>
        <translation>Ich habe es kopiert</translation>
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
<context>
    <name>modelguard::ui::WatermarkPolicyForm</name>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Payload (invisible signed mark)</source>
        <translation>Nutzlast (unsichtbare signierte Markierung)</translation>
    </message>
    <message>
        <source>Lexical (keyed word choice)</source>
        <translation>Lexikalisch (schlüsselbasierte Wortwahl)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Schemes:</source>
        <translation>Verfahren:</translation>
    </message>
    <message>
        <source>The payload names the client in copied text; the lexical mark survives paraphrase and shows up in a model trained on the output.</source>
        <translation>Die Nutzlast nennt den Client in kopiertem Text; die lexikalische Markierung übersteht Umformulierungen und zeigt sich in einem Modell, das mit den Ausgaben trainiert wurde.</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>Stronger marks are found in shorter or distilled text, at some cost to word choice.</source>
        <translation>Stärkere Markierungen werden auch in kürzerem oder destilliertem Text gefunden, etwas zulasten der Wortwahl.</translation>
    </message>
</context>
</TS>
