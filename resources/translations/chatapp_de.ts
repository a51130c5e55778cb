<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ApiServer</name>
    <message>
        <source>API: answering 1 request</source>
        <translation>API: beantwortet 1 Anfrage</translation>
    </message>
    <message numerus="yes">
        <source>API: answering %n requests</source>
        <translation>
            <numerusform>API: beantwortet %Ln Anfrage</numerusform>
            <numerusform>API: beantwortet %Ln Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>API on the local network, port {port}</source>
        <translation>API im lokalen Netzwerk, Port {port}</translation>
    </message>
    <message>
        <source>API on {address}</source>
        <translation>API unter {address}</translation>
    </message>
    <message>
        <source>The API server is set to require a key, but no key is stored in the keyring. Set a new key in Settings, API server, or turn the key off. The API server stays off meanwhile.</source>
        <translation>Der API-Server verlangt einen Schlüssel, aber im Schlüsselbund ist keiner gespeichert. Legen Sie unter Einstellungen, API-Server einen neuen Schlüssel fest oder schalten Sie den Schlüssel ab. Bis dahin bleibt der API-Server aus.</translation>
    </message>
    <message>
        <source>{reason} The API server stays off until its key can be read.</source>
        <translation>{reason} Der API-Server bleibt aus, bis sein Schlüssel gelesen werden kann.</translation>
    </message>
</context>
<context>
    <name>ApiServerSection</name>
    <message>
        <source>API server</source>
        <translation>API-Server</translation>
    </message>
    <message>
        <source>Serve the loaded model to other programs (OpenAI-compatible API)</source>
        <translation>Geladenes Modell anderen Programmen bereitstellen (OpenAI-kompatible API)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>The network port the API server listens on</source>
        <translation>Der Netzwerkport, auf dem der API-Server lauscht</translation>
    </message>
    <message>
        <source>Clients use</source>
        <translation>Clients verwenden</translation>
    </message>
    <message>
        <source>The address other programs connect to</source>
        <translation>Die Adresse, mit der sich andere Programme verbinden</translation>
    </message>
    <message>
        <source>Require an API key</source>
        <translation>API-Schlüssel verlangen</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <source>Makes a new key; the old one stops working when you press OK</source>
        <translation>Erzeugt einen neuen Schlüssel; der alte gilt nicht mehr, sobald Sie OK drücken</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Allow other computers on the local network</source>
        <translation>Andere Computer im lokalen Netzwerk zulassen</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Save API chats to the history</source>
        <translation>API-Chats im Verlauf speichern</translation>
    </message>
    <message>
        <source>Copy this key now: it is kept in the keyring and not shown again</source>
        <translation>Kopieren Sie diesen Schlüssel jetzt: Er wird im Schlüsselbund aufbewahrt und nicht noch einmal angezeigt</translation>
    </message>
    <message>
        <source>Kept in the keyring</source>
        <translation>Im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Kein Schlüssel</translation>
    </message>
    <message>
        <source>this computer's address</source>
        <translation>Adresse dieses Computers</translation>
    </message>
    <message>
        <source>Other computers on your network can reach the model. Allow this only on a network you trust.</source>
        <translation>Andere Computer in Ihrem Netzwerk können das Modell erreichen. Erlauben Sie das nur in einem Netzwerk, dem Sie vertrauen.</translation>
    </message>
    <message>
        <source>Other computers on your network can reach the model, without a key. Allow this only on a network you trust.</source>
        <translation>Andere Computer in Ihrem Netzwerk können das Modell ohne Schlüssel erreichen. Erlauben Sie das nur in einem Netzwerk, dem Sie vertrauen.</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>whole</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>{used} of 1 passage</source>
        <translation>{used} von 1 Abschnitt</translation>
    </message>
    <message numerus="yes">
        <source>{used} of %n passages</source>
        <translation>
            <numerusform>{used} von %Ln Abschnitt</numerusform>
            <numerusform>{used} von %Ln Abschnitten</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>{name} entfernen</translation>
    </message>
    <message>
        <source>Remove this file from the message</source>
        <translation>Diese Datei aus der Nachricht entfernen</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <source>{name}: being read</source>
        <translation>{name}: wird gelesen</translation>
    </message>
    <message>
        <source>{size} · {usage}</source>
        <translation>{size} · {usage}</translation>
    </message>
    <message>
        <source>The whole file went into the prompt.</source>
        <translation>Die ganze Datei ging in den Prompt ein.</translation>
    </message>
    <message>
        <source>The passages most relevant to the question went into the prompt ({usage}).</source>
        <translation>Die für die Frage relevantesten Abschnitte gingen in den Prompt ein ({usage}).</translation>
    </message>
    <message>
        <source>{name} ({size}, {kind}).</source>
        <translation>{name} ({size}, {kind}).</translation>
    </message>
    <message>
        <source>not attached</source>
        <translation>nicht angehängt</translation>
    </message>
    <message>
        <source>Attached file {name}, {detail}</source>
        <translation>Angehängte Datei {name}, {detail}</translation>
    </message>
</context>
<context>
    <name>AttachmentStore</name>
    <message>
        <source>{name} could not be read ({error}).</source>
        <translation>{name} konnte nicht gelesen werden ({error}).</translation>
    </message>
    <message>
        <source>The attached file</source>
        <translation>Die angehängte Datei</translation>
    </message>
    <message>
        <source>{name} is larger than {size} bytes, the most chatapp keeps of an attachment.</source>
        <translation>{name} ist größer als {size} Bytes, das Maximum, das chatapp von einem Anhang aufbewahrt.</translation>
    </message>
    <message>
        <source>The disk is full, so the attached file could not be kept with the chat.</source>
        <translation>Der Datenträger ist voll, daher konnte die angehängte Datei nicht beim Chat aufbewahrt werden.</translation>
    </message>
    <message>
        <source>The attached file could not be kept in {folder} ({error}).</source>
        <translation>Die angehängte Datei konnte nicht in {folder} aufbewahrt werden ({error}).</translation>
    </message>
    <message>
        <source>The private copy of this attachment is missing from the data folder ({path}); attach the file again.</source>
        <translation>Die private Kopie dieses Anhangs fehlt im Datenordner ({path}); hängen Sie die Datei erneut an.</translation>
    </message>
    <message>
        <source>The private copy of this attachment could not be read ({error}).</source>
        <translation>Die private Kopie dieses Anhangs konnte nicht gelesen werden ({error}).</translation>
    </message>
    <message>
        <source>The private copy of this attachment is damaged ({path}); attach the file again.</source>
        <translation>Die private Kopie dieses Anhangs ist beschädigt ({path}); hängen Sie die Datei erneut an.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Something that went wrong and what to do about it</source>
        <translation>Was schiefgegangen ist und was Sie tun können</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>BatchJob</name>
    <message>
        <source>{name} is not a CSV or JSONL file. Choose a .csv file (its first row names the columns), a .jsonl file (one JSON object per line), or a folder of text files.</source>
        <translation>{name} ist keine CSV- oder JSONL-Datei. Wählen Sie eine .csv-Datei (ihre erste Zeile benennt die Spalten), eine .jsonl-Datei (ein JSON-Objekt pro Zeile) oder einen Ordner mit Textdateien.</translation>
    </message>
    <message>
        <source>{name} is empty: there are no rows to answer.</source>
        <translation>{name} ist leer: Es gibt keine Zeilen zu beantworten.</translation>
    </message>
    <message>
        <source>{name} has {count} rows; a batch job takes at most {most}. Split the file.</source>
        <translation>{name} hat {count} Zeilen; ein Stapelauftrag nimmt höchstens {most}. Teilen Sie die Datei auf.</translation>
    </message>
    <message>
        <source>{name} has no rows to answer, only a header.</source>
        <translation>{name} hat keine Zeilen zu beantworten, nur eine Kopfzeile.</translation>
    </message>
    <message>
        <source>{name} is {size} MB; a batch job reads at most {most} MB. Split the file.</source>
        <translation>{name} ist {size} MB groß; ein Stapelauftrag liest höchstens {most} MB. Teilen Sie die Datei auf.</translation>
    </message>
    <message>
        <source>The input {path} does not exist. Choose another file.</source>
        <translation>Die Eingabe {path} existiert nicht. Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>The first line of {name} is empty: it should name the columns.</source>
        <translation>Die erste Zeile von {name} ist leer: Sie sollte die Spalten benennen.</translation>
    </message>
    <message>
        <source>The first line of {name} (the column names) is not UTF-8 text. Save the file as UTF-8 and try again.</source>
        <translation>Die erste Zeile von {name} (die Spaltennamen) ist kein UTF-8-Text. Speichern Sie die Datei als UTF-8 und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>{name} names the column {column} twice. Give every column its own name.</source>
        <translation>{name} benennt die Spalte {column} zweimal. Geben Sie jeder Spalte einen eigenen Namen.</translation>
    </message>
    <message>
        <source>{name} is not a readable CSV file (line {line}: {error}).</source>
        <translation>{name} ist keine lesbare CSV-Datei (Zeile {line}: {error}).</translation>
    </message>
    <message>
        <source>This row has {values} values, but the header names {columns} columns.</source>
        <translation>Diese Zeile hat {values} Werte, aber die Kopfzeile nennt {columns} Spalten.</translation>
    </message>
    <message>
        <source>This row is not valid UTF-8 text.</source>
        <translation>Diese Zeile ist kein gültiger UTF-8-Text.</translation>
    </message>
    <message>
        <source>A value in this row is longer than {count} characters.</source>
        <translation>Ein Wert in dieser Zeile ist länger als {count} Zeichen.</translation>
    </message>
    <message>
        <source>Line {line} is not valid UTF-8 text.</source>
        <translation>Zeile {line} ist kein gültiger UTF-8-Text.</translation>
    </message>
    <message>
        <source>Line {line} is not valid JSON ({error}).</source>
        <translation>Zeile {line} ist kein gültiges JSON ({error}).</translation>
    </message>
    <message>
        <source>Line {line} is not a JSON object.</source>
        <translation>Zeile {line} ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The value of {key} on line {line} is longer than {count} characters.</source>
        <translation>Der Wert von {key} in Zeile {line} ist länger als {count} Zeichen.</translation>
    </message>
    <message>
        <source>The value of {key} on line {line} holds a lone surrogate escape, which is not text.</source>
        <translation>Der Wert von {key} in Zeile {line} enthält ein einzelnes Surrogat-Escape, das kein Text ist.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be read: {error}.</source>
        <translation>Der Ordner {folder} kann nicht gelesen werden: {error}.</translation>
    </message>
    <message>
        <source>The folder {name} holds no files: there are no rows to answer.</source>
        <translation>Der Ordner {name} enthält keine Dateien: Es gibt keine Zeilen zu beantworten.</translation>
    </message>
    <message>
        <source>The folder {name} holds {count} files; a batch job takes at most {most}.</source>
        <translation>Der Ordner {name} enthält {count} Dateien; ein Stapelauftrag nimmt höchstens {most}.</translation>
    </message>
    <message>
        <source>The files in {name} hold {size} MB; a batch job reads at most {most} MB. Split the folder.</source>
        <translation>Die Dateien in {name} umfassen {size} MB; ein Stapelauftrag liest höchstens {most} MB. Teilen Sie den Ordner auf.</translation>
    </message>
    <message>
        <source>{name} is too long for one row.</source>
        <translation>{name} ist zu lang für eine Zeile.</translation>
    </message>
    <message>
        <source>{name} is not valid UTF-8 text.</source>
        <translation>{name} ist kein gültiger UTF-8-Text.</translation>
    </message>
    <message>
        <source>{name} is longer than {count} characters.</source>
        <translation>{name} ist länger als {count} Zeichen.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {error}.</source>
        <translation>{name} kann nicht gelesen werden: {error}.</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message numerus="yes">
        <source>%n rows at once</source>
        <translation>
            <numerusform>%Ln Zeile gleichzeitig</numerusform>
            <numerusform>%Ln Zeilen gleichzeitig</numerusform>
        </translation>
    </message>
    <message>
        <source>Answering {rows} with {tokens} tokens each needs about {needed} of memory ({context} for the rows' context, {cache} cache, and {working} working memory), but this computer has {free} free now, of which a batch job may use {budget}.</source>
        <translation>{rows} mit je {tokens} Token zu beantworten braucht etwa {needed} Speicher ({context} für den Kontext der Zeilen, Cache {cache}, und {working} Arbeitsspeicher), aber dieser Computer hat gerade {free} frei, wovon ein Stapelauftrag {budget} nutzen darf.</translation>
    </message>
    <message>
        <source>Answering {rows} with {tokens} tokens each needs an estimated {needed} of memory ({context} for the rows' context, {cache} cache, and {working} working memory), but this computer has {free} free now, of which a batch job may use {budget}.</source>
        <translation>{rows} mit je {tokens} Token zu beantworten braucht schätzungsweise {needed} Speicher ({context} für den Kontext der Zeilen, Cache {cache}, und {working} Arbeitsspeicher), aber dieser Computer hat gerade {free} frei, wovon ein Stapelauftrag {budget} nutzen darf.</translation>
    </message>
    <message>
        <source>Answer at most {rows} rows at once or give each row at most {tokens} tokens of context, or close other programs.</source>
        <translation>Beantworten Sie höchstens {rows} Zeilen gleichzeitig, geben Sie jeder Zeile höchstens {tokens} Token Kontext, oder schließen Sie andere Programme.</translation>
    </message>
    <message>
        <source>Answer at most {rows} rows at once, or close other programs.</source>
        <translation>Beantworten Sie höchstens {rows} Zeilen gleichzeitig, oder schließen Sie andere Programme.</translation>
    </message>
    <message>
        <source>Give each row at most {tokens} tokens of context, or close other programs.</source>
        <translation>Geben Sie jeder Zeile höchstens {tokens} Token Kontext, oder schließen Sie andere Programme.</translation>
    </message>
    <message>
        <source>Answer fewer rows at once with a shorter context per row, or close other programs to free memory.</source>
        <translation>Beantworten Sie weniger Zeilen gleichzeitig mit kürzerem Kontext pro Zeile, oder schließen Sie andere Programme, um Speicher freizugeben.</translation>
    </message>
    <message>
        <source>{name} is not a .csv or .jsonl file name. Name the output file.csv or file.jsonl.</source>
        <translation>{name} ist kein .csv- oder .jsonl-Dateiname. Nennen Sie die Ausgabe datei.csv oder datei.jsonl.</translation>
    </message>
    <message>
        <source>The output {path} cannot be written: {error}.</source>
        <translation>Die Ausgabe {path} kann nicht geschrieben werden: {error}.</translation>
    </message>
    <message>
        <source>The output {path} cannot be read: {error}.</source>
        <translation>Die Ausgabe {path} kann nicht gelesen werden: {error}.</translation>
    </message>
    <message>
        <source>The output {path} cannot be written: {error}. The rows done so far are saved; free some space and run the job again to go on.</source>
        <translation>Die Ausgabe {path} kann nicht geschrieben werden: {error}. Die bisher erledigten Zeilen sind gespeichert; geben Sie Speicherplatz frei und starten Sie den Auftrag erneut, um fortzufahren.</translation>
    </message>
    <message>
        <source>line {line} is not one of its records</source>
        <translation>Zeile {line} ist keiner ihrer Einträge</translation>
    </message>
    <message>
        <source>it is not readable CSV: {error}</source>
        <translation>sie ist kein lesbares CSV: {error}</translation>
    </message>
    <message>
        <source>its columns are not those of this input</source>
        <translation>ihre Spalten sind nicht die dieser Eingabe</translation>
    </message>
    <message>
        <source>row {row} is not one of its records</source>
        <translation>Zeile {row} ist keiner ihrer Einträge</translation>
    </message>
    <message>
        <source>its records were not written by a batch job</source>
        <translation>ihre Einträge stammen nicht von einem Stapelauftrag</translation>
    </message>
    <message>
        <source>The output {name} already exists and does not hold this job's results ({reason}). Choose another output file, or move this one away.</source>
        <translation>Die Ausgabe {name} existiert bereits und enthält nicht die Ergebnisse dieses Auftrags ({reason}). Wählen Sie eine andere Ausgabedatei oder verschieben Sie diese.</translation>
    </message>
    <message numerus="yes">
        <source>The output already holds all %n rows: there is nothing left to answer. Choose another output file to answer them again.</source>
        <translation>
            <numerusform>Die Ausgabe enthält bereits die %Ln Zeile: Es ist nichts mehr zu beantworten. Wählen Sie eine andere Ausgabedatei, um sie erneut zu beantworten.</numerusform>
            <numerusform>Die Ausgabe enthält bereits alle %Ln Zeilen: Es ist nichts mehr zu beantworten. Wählen Sie eine andere Ausgabedatei, um sie erneut zu beantworten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The output holds {done} of %n rows from an earlier run: Start answers the other {left}.</source>
        <translation>
            <numerusform>Die Ausgabe enthält {done} von %Ln Zeile aus einem früheren Lauf: Beim Start werden die übrigen {left} beantwortet.</numerusform>
            <numerusform>Die Ausgabe enthält {done} von %Ln Zeilen aus einem früheren Lauf: Beim Start werden die übrigen {left} beantwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>{speed} rows/s</source>
        <translation>{speed} Zeilen/s</translation>
    </message>
    <message>
        <source>{speed} tokens/s</source>
        <translation>{speed} Token/s</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between a job's rates</comment>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>{done}/%n rows</source>
        <translation>
            <numerusform>{done}/%Ln Zeile</numerusform>
            <numerusform>{done}/%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source> ({count} failed)</source>
        <translation> ({count} fehlgeschlagen)</translation>
    </message>
    <message>
        <source>{progress}, {rates}</source>
        <translation>{progress}, {rates}</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n rows in {output}</source>
        <translation>
            <numerusform>{done} von %Ln Zeile in {output}</numerusform>
            <numerusform>{done} von %Ln Zeilen in {output}</numerusform>
        </translation>
    </message>
    <message>
        <source> ({count} with an error)</source>
        <translation> ({count} mit Fehler)</translation>
    </message>
    <message>
        <source>; {count} were there from an earlier run</source>
        <translation>; {count} stammen aus einem früheren Lauf</translation>
    </message>
    <message>
        <source>; {time}, {speed} tokens/s.</source>
        <translation>; {time}, {speed} Token/s.</translation>
    </message>
    <message>
        <source>; {time}.</source>
        <translation>; {time}.</translation>
    </message>
    <message>
        <source>The prompt template is empty. Write the prompt to send for each row, with {placeholder} where a column's value goes.</source>
        <translation>Die Prompt-Vorlage ist leer. Schreiben Sie den Prompt, der für jede Zeile gesendet wird, mit {placeholder} an der Stelle des Spaltenwerts.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between column names</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The prompt template uses {names}, but the input has no such column (its columns: {columns}). Change the template or choose another input.</source>
        <translation>Die Prompt-Vorlage verwendet {names}, aber die Eingabe hat keine solche Spalte (ihre Spalten: {columns}). Ändern Sie die Vorlage oder wählen Sie eine andere Eingabe.</translation>
    </message>
    <message>
        <source>This row has no value for {placeholder}.</source>
        <translation>Diese Zeile hat keinen Wert für {placeholder}.</translation>
    </message>
    <message>
        <source>The prompt template has a lone {brace} (at character {position}). Write {escaped} for a literal brace.</source>
        <translation>Die Prompt-Vorlage enthält eine einzelne {brace} (bei Zeichen {position}). Schreiben Sie {escaped} für eine geschweifte Klammer als Text.</translation>
    </message>
    <message>
        <source>The prompt template opens a placeholder at character {position} and does not close it. Write {placeholder}, or {escaped} for a literal brace.</source>
        <translation>Die Prompt-Vorlage öffnet bei Zeichen {position} einen Platzhalter und schließt ihn nicht. Schreiben Sie {placeholder}, oder {escaped} für eine geschweifte Klammer als Text.</translation>
    </message>
    <message>
        <source>The prompt template has an empty placeholder {empty}. Name a column inside the braces, or write {escaped} for literal braces.</source>
        <translation>Die Prompt-Vorlage enthält einen leeren Platzhalter {empty}. Nennen Sie eine Spalte in den Klammern, oder schreiben Sie {escaped} für geschweifte Klammern als Text.</translation>
    </message>
</context>
<context>
    <name>BatchRun</name>
    <message>
        <source>The batch job was cancelled before it started.</source>
        <translation>Der Stapelauftrag wurde abgebrochen, bevor er begann.</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model first, then start the job again.</source>
        <translation>Es ist kein Modell geladen. Laden Sie zuerst ein Modell und starten Sie den Auftrag dann erneut.</translation>
    </message>
    <message>
        <source>running the batch job</source>
        <translation>Ausführen des Stapelauftrags</translation>
    </message>
</context>
<context>
    <name>BatchWindow</name>
    <message>
        <source>Tables (*.csv *.jsonl *.ndjson);;All files (*)</source>
        <translation>Tabellen (*.csv *.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>While the job runs, chat replies wait for it.</source>
        <translation>Solange der Auftrag läuft, warten Chat-Antworten darauf.</translation>
    </message>
    <message>
        <source>text files</source>
        <translation>Textdateien</translation>
    </message>
    <message>
        <source>Batch jobs</source>
        <translation>Stapelaufträge</translation>
    </message>
    <message>
        <source>Answer a prompt for every row of a file with the loaded model, several rows at once. Each finished row is written to the output at once; a job that was stopped resumes where it stopped.</source>
        <translation>Beantworten Sie einen Prompt für jede Zeile einer Datei mit dem geladenen Modell, mehrere Zeilen gleichzeitig. Jede fertige Zeile wird sofort in die Ausgabe geschrieben; ein angehaltener Auftrag setzt dort fort, wo er aufgehört hat.</translation>
    </message>
    <message>
        <source>Prompt template</source>
        <translation>Prompt-Vorlage</translation>
    </message>
    <message>
        <source>The prompt for each row; {column} takes the row's value of that column</source>
        <translation>Der Prompt für jede Zeile; {column} wird durch den Wert dieser Spalte in der Zeile ersetzt</translation>
    </message>
    <message>
        <source>Summarize this review in one sentence: {text}

{column} takes the row's value of that column; {{ and }} write braces.</source>
        <translation>Fasse diese Rezension in einem Satz zusammen: {text}

{column} wird durch den Wert dieser Spalte ersetzt; {{ und }} schreiben geschweifte Klammern.</translation>
    </message>
    <message>
        <source>Prompt problem</source>
        <translation>Problem im Prompt</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Input file</source>
        <translation>Eingabedatei</translation>
    </message>
    <message>
        <source>A .csv or .jsonl file, or a folder of text files</source>
        <translation>Eine .csv- oder .jsonl-Datei oder ein Ordner mit Textdateien</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <source>Choose the input file</source>
        <translation>Eingabedatei wählen</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Choose a folder of text files as the input</source>
        <translation>Einen Ordner mit Textdateien als Eingabe wählen</translation>
    </message>
    <message>
        <source>The input's rows and columns</source>
        <translation>Zeilen und Spalten der Eingabe</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Ausgabedatei</translation>
    </message>
    <message>
        <source>replies.csv or replies.jsonl</source>
        <translation>antworten.csv oder antworten.jsonl</translation>
    </message>
    <message>
        <source>A .csv or .jsonl file; one that holds rows already resumes</source>
        <translation>Eine .csv- oder .jsonl-Datei; enthält sie schon Zeilen, wird fortgesetzt</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Choose the output file</source>
        <translation>Ausgabedatei wählen</translation>
    </message>
    <message>
        <source>What the output holds</source>
        <translation>Was die Ausgabe enthält</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Rows answered at once: more rows per second, more memory</source>
        <translation>Gleichzeitig beantwortete Zeilen: mehr Zeilen pro Sekunde, mehr Speicher</translation>
    </message>
    <message>
        <source>The longest reply a row gets, in tokens</source>
        <translation>Die längste Antwort, die eine Zeile bekommt, in Tokens</translation>
    </message>
    <message>
        <source>Each row's prompt and reply must fit in this many tokens (at most the loaded model's context)</source>
        <translation>Prompt und Antwort jeder Zeile müssen in so viele Tokens passen (höchstens der Kontext des geladenen Modells)</translation>
    </message>
    <message>
        <source>Rows at once</source>
        <translation>Zeilen gleichzeitig</translation>
    </message>
    <message>
        <source>Tokens per reply</source>
        <translation>Tokens pro Antwort</translation>
    </message>
    <message>
        <source>Context per row</source>
        <translation>Kontext pro Zeile</translation>
    </message>
    <message>
        <source>Memory the job needs</source>
        <translation>Speicherbedarf des Auftrags</translation>
    </message>
    <message>
        <source>What Start needs</source>
        <translation>Was „Starten“ braucht</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Answers the rows not in the output yet</source>
        <translation>Beantwortet die Zeilen, die noch nicht in der Ausgabe sind</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop after the current step; the rows done stay in the output, and Start resumes</source>
        <translation>Nach dem aktuellen Schritt anhalten; fertige Zeilen bleiben in der Ausgabe, und „Starten“ setzt fort</translation>
    </message>
    <message>
        <source>%v / %m rows</source>
        <translation>%v / %m Zeilen</translation>
    </message>
    <message>
        <source>Rows answered</source>
        <translation>Beantwortete Zeilen</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Rows not answered</source>
        <translation>Nicht beantwortete Zeilen</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Batch input</source>
        <translation>Eingabe des Stapelauftrags</translation>
    </message>
    <message>
        <source>A folder of text files</source>
        <translation>Ein Ordner mit Textdateien</translation>
    </message>
    <message>
        <source>Batch output</source>
        <translation>Ausgabe des Stapelauftrags</translation>
    </message>
    <message>
        <source>Reading the input…</source>
        <translation>Eingabe wird gelesen…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>1 row ({kind}); columns: {columns}</source>
        <translation>1 Zeile ({kind}); Spalten: {columns}</translation>
    </message>
    <message numerus="yes">
        <source>%n rows ({kind}); columns: {columns}</source>
        <translation>
            <numerusform>%Ln Zeile ({kind}); Spalten: {columns}</numerusform>
            <numerusform>%Ln Zeilen ({kind}); Spalten: {columns}</numerusform>
        </translation>
    </message>
    <message>
        <source>. 1 row cannot be read: its error goes to the output</source>
        <translation>. 1 Zeile ist nicht lesbar: Ihr Fehler kommt in die Ausgabe</translation>
    </message>
    <message numerus="yes">
        <source>. %n rows cannot be read: their errors go to the output</source>
        <translation>
            <numerusform>. %Ln Zeile ist nicht lesbar: Ihr Fehler kommt in die Ausgabe</numerusform>
            <numerusform>. %Ln Zeilen sind nicht lesbar: Ihre Fehler kommen in die Ausgabe</numerusform>
        </translation>
    </message>
    <message>
        <source>Load a model first: the job runs on the loaded model.</source>
        <translation>Laden Sie zuerst ein Modell: Der Auftrag läuft mit dem geladenen Modell.</translation>
    </message>
    <message>
        <source>Write the prompt, with {column} where a column's value goes.</source>
        <translation>Schreiben Sie den Prompt, mit {column} dort, wo der Wert einer Spalte hingehört.</translation>
    </message>
    <message>
        <source>Choose the input: a CSV or JSONL file, or a folder of text files.</source>
        <translation>Wählen Sie die Eingabe: eine CSV- oder JSONL-Datei oder einen Ordner mit Textdateien.</translation>
    </message>
    <message>
        <source>Name the output: a .csv or .jsonl file.</source>
        <translation>Geben Sie die Ausgabe an: eine .csv- oder .jsonl-Datei.</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message numerus="yes">
        <source>%n rows at once</source>
        <translation>
            <numerusform>%Ln Zeile gleichzeitig</numerusform>
            <numerusform>%Ln Zeilen gleichzeitig</numerusform>
        </translation>
    </message>
    <message>
        <source>The job needs about {needed} of memory ({rows}, {tokens} tokens each); {free} is free.</source>
        <translation>Der Auftrag braucht etwa {needed} Speicher ({rows}, je {tokens} Tokens); {free} sind frei.</translation>
    </message>
    <message>
        <source>Starting… (after the reply or job the model is busy with, if any)</source>
        <translation>Wird gestartet… (nach der Antwort oder dem Auftrag, mit dem das Modell gerade beschäftigt ist)</translation>
    </message>
    <message>
        <source>Paused. The model waits, and so do chat replies: Resume, or Cancel to free it.</source>
        <translation>Angehalten. Das Modell wartet, ebenso die Chat-Antworten: „Fortsetzen“ oder „Abbrechen“, um es freizugeben.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Goes on with the job</source>
        <translation>Setzt den Auftrag fort</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Holds the job after the current step; chat replies wait while it is paused</source>
        <translation>Hält den Auftrag nach dem aktuellen Schritt an; solange er angehalten ist, warten Chat-Antworten</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>Wird nach dem aktuellen Schritt abgebrochen…</translation>
    </message>
    <message>
        <source>Answering the first rows…</source>
        <translation>Die ersten Zeilen werden beantwortet…</translation>
    </message>
    <message>
        <source>Latest: row {row} ({id}): {error}</source>
        <translation>Zuletzt: Zeile {row} ({id}): {error}</translation>
    </message>
    <message>
        <source>1 row could not be answered: the output's error column says why.</source>
        <translation>1 Zeile konnte nicht beantwortet werden: Die Fehlerspalte der Ausgabe nennt den Grund.</translation>
    </message>
    <message numerus="yes">
        <source>%n rows could not be answered: the output's error column says why.</source>
        <translation>
            <numerusform>%Ln Zeile konnte nicht beantwortet werden: Die Fehlerspalte der Ausgabe nennt den Grund.</numerusform>
            <numerusform>%Ln Zeilen konnten nicht beantwortet werden: Die Fehlerspalte der Ausgabe nennt den Grund.</numerusform>
        </translation>
    </message>
    <message>
        <source>the output</source>
        <translation>die Ausgabe</translation>
    </message>
    <message>
        <source>Cancelled: {summary} Start again to answer the rest.</source>
        <translation>Abgebrochen: {summary} Starten Sie erneut, um den Rest zu beantworten.</translation>
    </message>
    <message>
        <source>Done: {summary}</source>
        <translation>Fertig: {summary}</translation>
    </message>
    <message>
        <source>Stop the batch job?</source>
        <translation>Stapelauftrag anhalten?</translation>
    </message>
    <message>
        <source>A batch job is running. Stop it and close the window? The rows done so far stay in the output; Start with the same output answers the rest.</source>
        <translation>Ein Stapelauftrag läuft. Anhalten und das Fenster schließen? Die bisher fertigen Zeilen bleiben in der Ausgabe; „Starten“ mit derselben Ausgabe beantwortet den Rest.</translation>
    </message>
</context>
<context>
    <name>BatchedGeneration</name>
    <message>
        <source>There is not enough memory to answer {rows} rows at once with {tokens} tokens each. Answer fewer rows at once, or give each row a shorter context.</source>
        <translation>Es ist nicht genug Arbeitsspeicher frei, um {rows} Zeilen gleichzeitig mit je {tokens} Tokens zu beantworten. Beantworten Sie weniger Zeilen gleichzeitig oder geben Sie jeder Zeile einen kürzeren Kontext.</translation>
    </message>
    <message>
        <source>The prompt is empty: there is nothing to answer.</source>
        <translation>Der Prompt ist leer: Es gibt nichts zu beantworten.</translation>
    </message>
    <message>
        <source>The prompt ({tokens} tokens) does not fit the context of one row ({context} tokens). Shorten this row's text, or give each row a longer context.</source>
        <translation>Der Prompt ({tokens} Tokens) passt nicht in den Kontext einer Zeile ({context} Tokens). Kürzen Sie den Text dieser Zeile oder geben Sie jeder Zeile einen längeren Kontext.</translation>
    </message>
    <message>
        <source>The model could not process the batch (llama.cpp error {code}). Answer fewer rows at once.</source>
        <translation>Das Modell konnte den Stapel nicht verarbeiten (llama.cpp-Fehler {code}). Beantworten Sie weniger Zeilen gleichzeitig.</translation>
    </message>
</context>
<context>
    <name>BranchSwitcher</name>
    <message>
        <source>Previous version</source>
        <translation>Vorherige Version</translation>
    </message>
    <message>
        <source>Show the previous version of this message</source>
        <translation>Die vorherige Version dieser Nachricht zeigen</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Nächste Version</translation>
    </message>
    <message>
        <source>Show the next version of this message</source>
        <translation>Die nächste Version dieser Nachricht zeigen</translation>
    </message>
    <message>
        <source>{index}/{count}</source>
        <translation>{index}/{count}</translation>
    </message>
    <message>
        <source>Version {index} of {count}</source>
        <translation>Version {index} von {count}</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>Small, fast embedding model for Local documents (English, 384 dimensions): indexing runs quickly on any computer.</source>
        <translation>Kleines, schnelles Embedding-Modell für „Lokale Dokumente“ (Englisch, 384 Dimensionen): Das Indizieren geht auf jedem Computer zügig.</translation>
    </message>
    <message>
        <source>The tiny starter model: instant on any computer, good for trying the app, weak at facts and reasoning.</source>
        <translation>Das winzige Startmodell: sofort bereit auf jedem Computer, gut zum Ausprobieren der App, schwach bei Fakten und logischem Denken.</translation>
    </message>
    <message>
        <source>Embedding model for Local documents: finds passages by meaning, in English, across long texts (8K trained).</source>
        <translation>Embedding-Modell für „Lokale Dokumente“: findet Textstellen nach ihrer Bedeutung, auf Englisch, auch in langen Texten (mit 8K trainiert).</translation>
    </message>
    <message>
        <source>A very small, fast English model for short answers and simple rewriting.</source>
        <translation>Ein sehr kleines, schnelles englisches Modell für kurze Antworten und einfaches Umformulieren.</translation>
    </message>
    <message>
        <source>The smallest Qwen3, with an optional thinking mode; good for quick, simple tasks.</source>
        <translation>Das kleinste Qwen3, mit optionalem Denkmodus; gut für schnelle, einfache Aufgaben.</translation>
    </message>
    <message>
        <source>Alibaba's smallest Qwen2.5: quick and multilingual, fine for short summaries and simple questions.</source>
        <translation>Das kleinste Qwen2.5 von Alibaba: schnell und mehrsprachig, gut für kurze Zusammenfassungen und einfache Fragen.</translation>
    </message>
    <message>
        <source>The smallest current Qwen: multilingual and quick; answers directly unless asked to think.</source>
        <translation>Das kleinste aktuelle Qwen: mehrsprachig und schnell; antwortet direkt, außer es wird zum Nachdenken aufgefordert.</translation>
    </message>
    <message>
        <source>Liquid AI's fast hybrid model for on-device chat; quick replies on any laptop.</source>
        <translation>Das schnelle Hybridmodell von Liquid AI für Chats auf dem Gerät; flotte Antworten auf jedem Laptop.</translation>
    </message>
    <message>
        <source>Liquid AI's small reasoning model: works a problem through before answering.</source>
        <translation>Das kleine Reasoning-Modell von Liquid AI: denkt ein Problem durch, bevor es antwortet.</translation>
    </message>
    <message>
        <source>Google's small Gemma 3: multilingual, friendly answers, fast on any recent laptop.</source>
        <translation>Das kleine Gemma 3 von Google: mehrsprachig, freundliche Antworten, schnell auf jedem neueren Laptop.</translation>
    </message>
    <message>
        <source>Meta's small Llama: quick everyday chat and summaries with a long context.</source>
        <translation>Das kleine Llama von Meta: schnelle Alltagschats und Zusammenfassungen mit langem Kontext.</translation>
    </message>
    <message>
        <source>A capable small Qwen3 with an optional thinking mode; runs well on older machines.</source>
        <translation>Ein fähiges kleines Qwen3 mit optionalem Denkmodus; läuft gut auf älteren Rechnern.</translation>
    </message>
    <message>
        <source>A good balance of speed and quality for everyday questions, in many languages.</source>
        <translation>Eine gute Balance aus Geschwindigkeit und Qualität für Alltagsfragen, in vielen Sprachen.</translation>
    </message>
    <message>
        <source>A capable small Qwen3.5 in 201 languages; answers directly unless asked to think.</source>
        <translation>Ein fähiges kleines Qwen3.5 in 201 Sprachen; antwortet direkt, außer es wird zum Nachdenken aufgefordert.</translation>
    </message>
    <message>
        <source>IBM's compact business-oriented model: careful instruction following and a long context.</source>
        <translation>Das kompakte, geschäftsorientierte Modell von IBM: befolgt Anweisungen sorgfältig und hat einen langen Kontext.</translation>
    </message>
    <message>
        <source>Hugging Face's fully open 3B model; thinks before answering unless told /no_think.</source>
        <translation>Das vollständig offene 3B-Modell von Hugging Face; denkt vor dem Antworten nach, außer man sagt /no_think.</translation>
    </message>
    <message>
        <source>Meta's mid-size small Llama: good writing and everyday chat on most laptops.</source>
        <translation>Das mittelgroße kleine Llama von Meta: gutes Schreiben und Alltagschats auf den meisten Laptops.</translation>
    </message>
    <message>
        <source>Google's mid-size Gemma 3: strong multilingual writing and explanations (text only here).</source>
        <translation>Das mittelgroße Gemma 3 von Google: starkes mehrsprachiges Schreiben und Erklären (hier nur Text).</translation>
    </message>
    <message>
        <source>Microsoft's 3.8B model: good at maths and code for its size, with a long context.</source>
        <translation>Das 3,8B-Modell von Microsoft: für seine Größe gut in Mathematik und Code, mit langem Kontext.</translation>
    </message>
    <message>
        <source>A strong small all-rounder with an optional thinking mode; a good default on 8 GB computers.</source>
        <translation>Ein starker kleiner Allrounder mit optionalem Denkmodus; eine gute Standardwahl auf Computern mit 8 GB.</translation>
    </message>
    <message>
        <source>The July 2025 Qwen3 4B that answers straight away, without a thinking phase.</source>
        <translation>Das Qwen3 4B vom Juli 2025, das sofort antwortet, ohne Denkphase.</translation>
    </message>
    <message>
        <source>A strong current all-rounder that thinks before answering; a good pick for 8 GB computers.</source>
        <translation>Ein starker aktueller Allrounder, der vor dem Antworten nachdenkt; eine gute Wahl für Computer mit 8 GB.</translation>
    </message>
    <message>
        <source>Qwen3's 8B: better answers and an optional thinking mode; wants 16 GB of memory.</source>
        <translation>Das 8B von Qwen3: bessere Antworten und ein optionaler Denkmodus; braucht 16 GB Arbeitsspeicher.</translation>
    </message>
    <message>
        <source>The best Qwen3.5 for a CPU: thinks before answering; wants 16 GB of memory.</source>
        <translation>Das beste Qwen3.5 für eine CPU: denkt vor dem Antworten nach; braucht 16 GB Arbeitsspeicher.</translation>
    </message>
    <message>
        <source>OpenAI's open-weight reasoning model, the large one here: reads 3.6B weights a token; wants 16 GB.</source>
        <translation>Das Reasoning-Modell mit offenen Gewichten von OpenAI, das große hier: liest 3,6B Gewichte pro Token; braucht 16 GB.</translation>
    </message>
</context>
<context>
    <name>ChatExport</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Thought for {time}</source>
        <translation>{time} nachgedacht</translation>
    </message>
    <message>
        <source>Thought</source>
        <translation>Gedanken</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation>Fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Reached the reply length limit</source>
        <translation>Maximale Antwortlänge erreicht</translation>
    </message>
    <message>
        <source>The context was full</source>
        <translation>Der Kontext war voll</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%Ln Token</numerusform>
            <numerusform>%Ln Token</numerusform>
        </translation>
    </message>
    <message>
        <source>{speed} tokens/s</source>
        <translation>{speed} Token/s</translation>
    </message>
    <message>
        <source>first token {seconds} s</source>
        <translation>erstes Token nach {seconds} s</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>{name} ({used} of 1 passage)</source>
        <translation>{name} ({used} von 1 Abschnitt)</translation>
    </message>
    <message numerus="yes">
        <source>{name} ({used} of %n passages)</source>
        <translation>
            <numerusform>{name} ({used} von %Ln Abschnitt)</numerusform>
            <numerusform>{name} ({used} von %Ln Abschnitten)</numerusform>
        </translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation>Seite {page}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of a source's place</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 Nachricht</translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%Ln Nachricht</numerusform>
            <numerusform>%Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no chats to export.</source>
        <translation>Es gibt keine Chats zum Exportieren.</translation>
    </message>
    <message>
        <source>{path} could not be written ({error}).</source>
        <translation>{path} konnte nicht geschrieben werden ({error}).</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message numerus="yes">
        <source>%n chats</source>
        <translation>
            <numerusform>%Ln Chat</numerusform>
            <numerusform>%Ln Chats</numerusform>
        </translation>
    </message>
    <message>
        <source>en</source>
        <comment>the language code of this translation</comment>
        <translation>de</translation>
    </message>
    <message>
        <source>ltr</source>
        <comment>this language's direction: ltr or rtl</comment>
        <translation>ltr</translation>
    </message>
    <message>
        <source>Attached: {names}</source>
        <translation>Angehängt: {names}</translation>
    </message>
    <message>
        <source>That chat is changing too fast to be exported; try again.</source>
        <translation>Dieser Chat ändert sich zu schnell, um exportiert zu werden; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>There is no chat with the id {id} in the history.</source>
        <translation>Im Verlauf gibt es keinen Chat mit der ID {id}.</translation>
    </message>
</context>
<context>
    <name>ChatHeader</name>
    <message>
        <source>This chat</source>
        <translation>Dieser Chat</translation>
    </message>
    <message>
        <source>Chat model</source>
        <translation>Modell des Chats</translation>
    </message>
    <message>
        <source>The model that writes this chat's replies</source>
        <translation>Das Modell, das die Antworten in diesem Chat schreibt</translation>
    </message>
    <message>
        <source>Chat settings in use</source>
        <translation>Verwendete Chat-Einstellungen</translation>
    </message>
    <message>
        <source>Searched documents</source>
        <translation>Durchsuchte Dokumente</translation>
    </message>
    <message>
        <source>This chat's questions are also searched in these Local documents collections (Chat settings… to change)</source>
        <translation>Die Fragen dieses Chats werden auch in diesen Sammlungen der lokalen Dokumente gesucht (zum Ändern: Chat-Einstellungen…)</translation>
    </message>
    <message>
        <source>Chat settings…</source>
        <translation>Chat-Einstellungen…</translation>
    </message>
    <message>
        <source>This chat's own system prompt, sampling, context length and model</source>
        <translation>Eigene Systemanweisung, Sampling, Kontextlänge und eigenes Modell dieses Chats</translation>
    </message>
    <message>
        <source>Remote server</source>
        <translation>Entfernter Server</translation>
    </message>
    <message>
        <source>Documents: {names}</source>
        <translation>Dokumente: {names}</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>Default settings</source>
        <translation>Standardeinstellungen</translation>
    </message>
    <message>
        <source>{model} (this chat's model)</source>
        <translation>{model} (Modell dieses Chats)</translation>
    </message>
    <message>
        <source>{model} (this chat's model, not loaded)</source>
        <translation>{model} (Modell dieses Chats, nicht geladen)</translation>
    </message>
    <message>
        <source>This chat's own model: it is loaded when the chat is opened.</source>
        <translation>Das eigene Modell dieses Chats: Es wird geladen, wenn der Chat geöffnet wird.</translation>
    </message>
    <message>
        <source>The default model (choose it above); this chat has no model of its own.</source>
        <translation>Das Standardmodell (oben auswählen); dieser Chat hat kein eigenes Modell.</translation>
    </message>
    <message>
        <source>a server no longer in Remote servers</source>
        <translation>einem Server, der nicht mehr unter „Entfernte Server“ steht</translation>
    </message>
    <message>
        <source>Replies come from {host}</source>
        <translation>Antworten kommen von {host}</translation>
    </message>
    <message>
        <source>This chat's replies are written by {model} on {host}: what you write in it is sent there. Choose a local model above to keep it on this computer.</source>
        <translation>Die Antworten dieses Chats schreibt {model} auf {host}: Was Sie hier schreiben, wird dorthin gesendet. Wählen Sie oben ein lokales Modell, damit alles auf diesem Computer bleibt.</translation>
    </message>
    <message>
        <source>{model} (remote)</source>
        <translation>{model} (entfernt)</translation>
    </message>
</context>
<context>
    <name>ChatImport</name>
    <message>
        <source>chatapp chat archive</source>
        <translation>chatapp-Chatarchiv</translation>
    </message>
    <message>
        <source>llama.cpp web UI export (JSONL)</source>
        <translation>Export der llama.cpp-Weboberfläche (JSONL)</translation>
    </message>
    <message>
        <source>llama.cpp web UI export (ZIP)</source>
        <translation>Export der llama.cpp-Weboberfläche (ZIP)</translation>
    </message>
    <message>
        <source>llama.cpp web UI export (older JSON)</source>
        <translation>Export der llama.cpp-Weboberfläche (älteres JSON)</translation>
    </message>
    <message>
        <source>it is neither a chatapp chat archive nor a llama.cpp web UI export</source>
        <translation>sie ist weder ein chatapp-Chatarchiv noch ein Export der llama.cpp-Weboberfläche</translation>
    </message>
    <message>
        <source>1 chat</source>
        <translation>1 Chat</translation>
    </message>
    <message numerus="yes">
        <source>%n chats</source>
        <translation>
            <numerusform>%Ln Chat</numerusform>
            <numerusform>%Ln Chats</numerusform>
        </translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 Nachricht</translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%Ln Nachricht</numerusform>
            <numerusform>%Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>1 tool result</source>
        <translation>1 Werkzeugergebnis</translation>
    </message>
    <message numerus="yes">
        <source>%n tool results</source>
        <translation>
            <numerusform>%Ln Werkzeugergebnis</numerusform>
            <numerusform>%Ln Werkzeugergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <source>1 image, audio or video attachment</source>
        <translation>1 Bild-, Audio- oder Videoanhang</translation>
    </message>
    <message numerus="yes">
        <source>%n image, audio or video attachments</source>
        <translation>
            <numerusform>%Ln Bild-, Audio- oder Videoanhang</numerusform>
            <numerusform>%Ln Bild-, Audio- oder Videoanhänge</numerusform>
        </translation>
    </message>
    <message>
        <source>1 empty chat</source>
        <translation>1 leerer Chat</translation>
    </message>
    <message numerus="yes">
        <source>%n empty chats</source>
        <translation>
            <numerusform>%Ln leerer Chat</numerusform>
            <numerusform>%Ln leere Chats</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported {chats} ({messages}) from a {source}.</source>
        <translation>{chats} ({messages}) aus einem {source} importiert.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the kinds of things left out</comment>
        <translation>, </translation>
    </message>
    <message>
        <source> Left out, as chatapp has no use for them: {parts}.</source>
        <translation> Ausgelassen, da chatapp sie nicht verwendet: {parts}.</translation>
    </message>
    <message>
        <source>it is larger than {size} MiB</source>
        <translation>sie ist größer als {size} MiB</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>sie ist leer</translation>
    </message>
    <message>
        <source>{path} could not be read ({error}).</source>
        <translation>{path} konnte nicht gelesen werden ({error}).</translation>
    </message>
    <message>
        <source>There are no chats in this file.</source>
        <translation>Diese Datei enthält keine Chats.</translation>
    </message>
    <message>
        <source>{where}, its model</source>
        <translation>{where}, Modell</translation>
    </message>
    <message>
        <source>{where}, its stats</source>
        <translation>{where}, Statistik</translation>
    </message>
    <message>
        <source>is not a SHA-256 in lowercase hex</source>
        <translation>ist kein SHA-256 in kleingeschriebenem Hex</translation>
    </message>
    <message>
        <source>is missing or not 1 or more</source>
        <translation>fehlt oder ist kleiner als 1</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>ist keine Zahl</translation>
    </message>
    <message>
        <source>{where}, citation {number}</source>
        <translation>{where}, Quellenangabe {number}</translation>
    </message>
    <message>
        <source>numbers two citations the same</source>
        <translation>gibt zwei Quellenangaben dieselbe Nummer</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>names a message the chat does not have ({id})</source>
        <translation>nennt eine Nachricht, die der Chat nicht hat ({id})</translation>
    </message>
    <message>
        <source>is not the path to 'active_leaf'</source>
        <translation>ist nicht der Pfad zu „active_leaf“</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>das Dokument</translation>
    </message>
    <message>
        <source>it is not a chatapp chat archive (its 'format' is not {name})</source>
        <translation>sie ist kein chatapp-Chatarchiv (ihr „format“ ist nicht {name})</translation>
    </message>
    <message>
        <source>its format version is missing or not a positive whole number</source>
        <translation>ihre Formatversion fehlt oder ist keine positive ganze Zahl</translation>
    </message>
    <message>
        <source>it was written by a newer chatapp (chat format version {version}; this version reads up to {latest}). Update chatapp to import it</source>
        <translation>sie wurde von einer neueren chatapp-Version geschrieben (Chatformat-Version {version}; diese Version liest bis {latest}). Aktualisieren Sie chatapp, um sie zu importieren</translation>
    </message>
    <message>
        <source>it holds more than {count} chats</source>
        <translation>sie enthält mehr als {count} Chats</translation>
    </message>
    <message>
        <source>{where} has more than {count} messages</source>
        <translation>{where} hat mehr als {count} Nachrichten</translation>
    </message>
    <message>
        <source>line {number}</source>
        <translation>Zeile {number}</translation>
    </message>
    <message>
        <source>{file}, line {number}</source>
        <translation>{file}, Zeile {number}</translation>
    </message>
    <message>
        <source>{where} ({chat})</source>
        <translation>{where} ({chat})</translation>
    </message>
    <message>
        <source>{where}: a message comes before any chat (session) record</source>
        <translation>{where}: Eine Nachricht steht vor jedem Chat-Eintrag (Sitzung)</translation>
    </message>
    <message>
        <source>{where}, its message</source>
        <translation>{where}, Nachricht</translation>
    </message>
    <message>
        <source>the archive unpacks to more than {size} bytes</source>
        <translation>das Archiv ist entpackt größer als {size} Bytes</translation>
    </message>
    <message>
        <source>the archive has more than {count} files</source>
        <translation>das Archiv enthält mehr als {count} Dateien</translation>
    </message>
    <message>
        <source>the archive holds a file named {name}, which points outside the archive</source>
        <translation>das Archiv enthält eine Datei namens {name}, die aus dem Archiv hinaus zeigt</translation>
    </message>
    <message>
        <source>the archive's file {name}</source>
        <translation>die Archivdatei {name}</translation>
    </message>
    <message>
        <source>it is not a ZIP archive chatapp can read ({error})</source>
        <translation>sie ist kein ZIP-Archiv, das chatapp lesen kann ({error})</translation>
    </message>
    <message>
        <source>has more than {count} attachments</source>
        <translation>hat mehr als {count} Anhänge</translation>
    </message>
    <message>
        <source>with its attachments is longer than {count} characters</source>
        <translation>ist mit den Anhängen länger als {count} Zeichen</translation>
    </message>
    <message>
        <source>{where}, its timings</source>
        <translation>{where}, Zeitmessung</translation>
    </message>
    <message>
        <source>is not user, assistant, system or tool ({role})</source>
        <translation>ist weder user, assistant, system noch tool ({role})</translation>
    </message>
    <message>
        <source>This file cannot be imported: {reason}. Nothing was imported.</source>
        <translation>Diese Datei kann nicht importiert werden: {reason}. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>it</source>
        <comment>the file, as the subject of a reason it is refused</comment>
        <translation>sie</translation>
    </message>
    <message>
        <source>{what} is not UTF-8 text (at byte {byte})</source>
        <translation>{what} ist kein UTF-8-Text (bei Byte {byte})</translation>
    </message>
    <message>
        <source>{where} nests its JSON too deeply</source>
        <translation>{where}: JSON zu tief verschachtelt</translation>
    </message>
    <message>
        <source>{where} is not valid JSON ({error})</source>
        <translation>{where} ist kein gültiges JSON ({error})</translation>
    </message>
    <message>
        <source>{where} is not a JSON object</source>
        <translation>{where} ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>{where}: '{key}' {problem}</source>
        <translation>{where}: „{key}“ {problem}</translation>
    </message>
    <message>
        <source>is missing or is not text</source>
        <translation>fehlt oder ist kein Text</translation>
    </message>
    <message>
        <source>is longer than {count} characters</source>
        <translation>ist länger als {count} Zeichen</translation>
    </message>
    <message>
        <source>is not true or false</source>
        <translation>ist weder true noch false</translation>
    </message>
    <message>
        <source>is not a whole number of a sensible size</source>
        <translation>ist keine ganze Zahl von sinnvoller Größe</translation>
    </message>
    <message>
        <source>is not a number of seconds</source>
        <translation>ist keine Anzahl Sekunden</translation>
    </message>
    <message>
        <source>is not a number of a sensible size</source>
        <translation>ist keine Zahl von sinnvoller Größe</translation>
    </message>
    <message>
        <source>is not an ISO 8601 date and time ({text})</source>
        <translation>ist keine Datums- und Zeitangabe nach ISO 8601 ({text})</translation>
    </message>
    <message>
        <source>does not say its offset from UTC ({text})</source>
        <translation>gibt keinen Versatz zu UTC an ({text})</translation>
    </message>
    <message>
        <source>is out of range ({text})</source>
        <translation>liegt außerhalb des gültigen Bereichs ({text})</translation>
    </message>
    <message>
        <source>is not a date between the years 1 and 9999</source>
        <translation>ist kein Datum zwischen den Jahren 1 und 9999</translation>
    </message>
    <message>
        <source>is not a JSON object</source>
        <translation>ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>nests deeper than {count} levels</source>
        <translation>ist tiefer als {count} Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>is larger than {count} characters</source>
        <translation>ist größer als {count} Zeichen</translation>
    </message>
    <message>
        <source>holds text that is not valid Unicode</source>
        <translation>enthält Text, der kein gültiges Unicode ist</translation>
    </message>
    <message>
        <source>is not a whole number or a text</source>
        <translation>ist weder eine ganze Zahl noch ein Text</translation>
    </message>
    <message>
        <source>is too long for an id</source>
        <translation>ist zu lang für eine ID</translation>
    </message>
    <message>
        <source>is missing or is not a list</source>
        <translation>fehlt oder ist keine Liste</translation>
    </message>
    <message>
        <source>has more than {count} entries</source>
        <translation>hat mehr als {count} Einträge</translation>
    </message>
    <message>
        <source>{where}: two messages have the id {id}</source>
        <translation>{where}: zwei Nachrichten haben die ID {id}</translation>
    </message>
    <message>
        <source>{where}: message {number} follows a message that does not exist ({id})</source>
        <translation>{where}: Nachricht {number} folgt auf eine Nachricht, die es nicht gibt ({id})</translation>
    </message>
    <message>
        <source>{where}: the messages form a cycle (message {number}, id {id}, is its own ancestor or follows one that is)</source>
        <translation>{where}: Die Nachrichten bilden einen Kreis (Nachricht {number}, ID {id}, ist ihr eigener Vorgänger oder folgt auf einen solchen)</translation>
    </message>
    <message>
        <source>chat {number}</source>
        <translation>Chat {number}</translation>
    </message>
    <message>
        <source>{where}, message {number}</source>
        <translation>{where}, Nachricht {number}</translation>
    </message>
    <message>
        <source>{where}, attachment {number}</source>
        <translation>{where}, Anhang {number}</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>is not one of {choices} ({value})</source>
        <translation>ist keiner der Werte {choices} ({value})</translation>
    </message>
    <message>
        <source>it holds more than {count} messages</source>
        <translation>sie enthält mehr als {count} Nachrichten</translation>
    </message>
</context>
<context>
    <name>ChatList</name>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Älter</translation>
    </message>
</context>
<context>
    <name>ChatReply</name>
    <message>
        <source>Only your own messages are asked again when edited.</source>
        <translation>Nur Ihre eigenen Nachrichten werden nach dem Bearbeiten erneut gestellt.</translation>
    </message>
    <message>
        <source>There is no reply to continue.</source>
        <translation>Es gibt keine Antwort, die fortgesetzt werden kann.</translation>
    </message>
    <message>
        <source>There is no message to answer yet.</source>
        <translation>Es gibt noch keine Nachricht, die beantwortet werden kann.</translation>
    </message>
    <message>
        <source>writing the reply</source>
        <translation>Schreiben der Antwort</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>1 reply was cut off when the app last closed; what was written is kept.</source>
        <translation>1 Antwort wurde beim letzten Beenden der App abgeschnitten; das bereits Geschriebene bleibt erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n replies were cut off when the app last closed; what was written is kept.</source>
        <translation>
            <numerusform>%Ln Antwort wurde beim letzten Beenden der App abgeschnitten; das bereits Geschriebene bleibt erhalten.</numerusform>
            <numerusform>%Ln Antworten wurden beim letzten Beenden der App abgeschnitten; das bereits Geschriebene bleibt erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The damaged history was kept as {file}; a new one was started.</source>
        <translation>Der beschädigte Verlauf wurde als {file} aufbewahrt; ein neuer wurde begonnen.</translation>
    </message>
    <message>
        <source>Wait for the reply to finish (or stop it) before switching models.</source>
        <translation>Warten Sie, bis die Antwort fertig ist (oder stoppen Sie sie), bevor Sie das Modell wechseln.</translation>
    </message>
    <message>
        <source>Loading {file}…</source>
        <translation>{file} wird geladen…</translation>
    </message>
    <message>
        <source>Installing the starter model…</source>
        <translation>Das Startmodell wird installiert…</translation>
    </message>
    <message>
        <source>Copying {file}…</source>
        <translation>{file} wird kopiert…</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>{file} wird geprüft…</translation>
    </message>
    <message>
        <source>Loaded {model}: context {tokens} tokens ({reason}), {threads} threads.</source>
        <translation>{model} geladen: Kontext {tokens} Token ({reason}), {threads} Threads.</translation>
    </message>
    <message>
        <source>Reloading the model with the new context…</source>
        <translation>Das Modell wird mit dem neuen Kontext neu geladen…</translation>
    </message>
    <message>
        <source>Reloading the model with the new context memory ({type})…</source>
        <translation>Das Modell wird mit dem neuen Kontextspeicher ({type}) neu geladen…</translation>
    </message>
    <message>
        <source>This chat is writing a reply: stop it before deleting the chat.</source>
        <translation>Dieser Chat schreibt gerade eine Antwort: Stoppen Sie sie, bevor Sie den Chat löschen.</translation>
    </message>
    <message>
        <source>Saving your message…</source>
        <translation>Ihre Nachricht wird gespeichert…</translation>
    </message>
    <message>
        <source>Stopped before the reply began; your message is saved.</source>
        <translation>Gestoppt, bevor die Antwort begann; Ihre Nachricht ist gespeichert.</translation>
    </message>
    <message>
        <source>Reading the conversation…</source>
        <translation>Die Unterhaltung wird gelesen…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Schreibt…</translation>
    </message>
    <message>
        <source>Reply: {tokens} tokens at {speed} tokens/s, first token after {seconds} s.</source>
        <translation>Antwort: {tokens} Token mit {speed} Token/s, erstes Token nach {seconds} s.</translation>
    </message>
    <message>
        <source>Reply: {tokens} tokens, first token after {seconds} s.</source>
        <translation>Antwort: {tokens} Token, erstes Token nach {seconds} s.</translation>
    </message>
    <message>
        <source>One of these chats is writing a reply: stop it before deleting it.</source>
        <translation>Einer dieser Chats schreibt gerade eine Antwort: Stoppen Sie sie, bevor Sie ihn löschen.</translation>
    </message>
    <message>
        <source>a remote server</source>
        <translation>einem entfernten Server</translation>
    </message>
    <message>
        <source>This chat's replies come from {model} on {host}.</source>
        <translation>Die Antworten dieses Chats kommen von {model} auf {host}.</translation>
    </message>
    <message>
        <source>This chat uses {model}: loading it…</source>
        <translation>Dieser Chat verwendet {model}: Es wird geladen…</translation>
    </message>
    <message>
        <source>Loading the default model, {model}, again…</source>
        <translation>Das Standardmodell {model} wird wieder geladen…</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>{tokens} tokens</source>
        <translation>{tokens} Token</translation>
    </message>
    <message>
        <source>This chat uses a context of {size}: reloading the model…</source>
        <translation>Dieser Chat verwendet einen Kontext von {size}: Das Modell wird neu geladen…</translation>
    </message>
    <message>
        <source>Saved the preset “{name}”.</source>
        <translation>Vorlage „{name}“ gespeichert.</translation>
    </message>
    <message>
        <source>Deleted the preset “{name}”.</source>
        <translation>Vorlage „{name}“ gelöscht.</translation>
    </message>
    <message>
        <source>Exported 1 preset to {file}.</source>
        <translation>1 Vorlage nach {file} exportiert.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n presets to {file}.</source>
        <translation>
            <numerusform>%Ln Vorlage nach {file} exportiert.</numerusform>
            <numerusform>%Ln Vorlagen nach {file} exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported 1 preset: {names}.</source>
        <translation>1 Vorlage importiert: {names}.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n presets: {names}.</source>
        <translation>
            <numerusform>%Ln Vorlage importiert: {names}.</numerusform>
            <numerusform>%Ln Vorlagen importiert: {names}.</numerusform>
        </translation>
    </message>
    <message>
        <source>That message is in another version of this chat. It can be shown once the reply being written is done (or stopped).</source>
        <translation>Diese Nachricht gehört zu einer anderen Version dieses Chats. Sie kann angezeigt werden, sobald die laufende Antwort fertig ist (oder gestoppt wurde).</translation>
    </message>
</context>
<context>
    <name>ChatSettings</name>
    <message>
        <source>system prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>repeat penalty</source>
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>max reply tokens</source>
        <translation>maximale Antwort-Token</translation>
    </message>
    <message>
        <source>thinking budget</source>
        <translation>Denkbudget</translation>
    </message>
    <message>
        <source>context length</source>
        <translation>Kontextlänge</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The model must be the path of a model file.</source>
        <translation>Das Modell muss der Pfad einer Modelldatei sein.</translation>
    </message>
    <message>
        <source>The chat's collections must be a list of collection ids.</source>
        <translation>Die Sammlungen des Chats müssen eine Liste von Sammlungs-IDs sein.</translation>
    </message>
    <message>
        <source>The preset name must be a short text.</source>
        <translation>Der Name der Voreinstellung muss ein kurzer Text sein.</translation>
    </message>
    <message>
        <source>“{name}” is not a setting a chat can have.</source>
        <translation>„{name}“ ist keine Einstellung, die ein Chat haben kann.</translation>
    </message>
    <message>
        <source>The remote model must name a server and a model.</source>
        <translation>Das entfernte Modell muss einen Server und ein Modell nennen.</translation>
    </message>
    <message>
        <source>The {setting} has the wrong type.</source>
        <translation>Die Einstellung „{setting}“ hat den falschen Typ.</translation>
    </message>
    <message>
        <source>Preset: {name}</source>
        <translation>Voreinstellung: {name}</translation>
    </message>
    <message>
        <source>Custom settings</source>
        <translation>Eigene Einstellungen</translation>
    </message>
    <message>
        <source>Default settings</source>
        <translation>Standardeinstellungen</translation>
    </message>
    <message>
        <source>no system prompt</source>
        <translation>kein Systemprompt</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the settings a chat sets</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>{setting}: {value}</source>
        <translation>{setting}: {value}</translation>
    </message>
    <message>
        <source>This chat follows the default settings (Model ▸ Settings).</source>
        <translation>Dieser Chat folgt den Standardeinstellungen (Modell ▸ Einstellungen).</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%Ln Token</numerusform>
            <numerusform>%Ln Token</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
</context>
<context>
    <name>ChatSettingsControls</name>
    <message>
        <source>The chat settings were not changed: another chat is open now.</source>
        <translation>Die Chat-Einstellungen wurden nicht geändert: Inzwischen ist ein anderer Chat geöffnet.</translation>
    </message>
    <message>
        <source>No presets yet</source>
        <translation>Noch keine Vorlagen</translation>
    </message>
</context>
<context>
    <name>ChatSettingsDialog</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Chat settings</source>
        <translation>Chat-Einstellungen</translation>
    </message>
    <message>
        <source>Settings for this chat only. A field left at Default follows the app's settings (Model ▸ Settings). A model or context length of the chat's own is loaded when the chat is opened.</source>
        <translation>Einstellungen nur für diesen Chat. Ein Feld auf Standard folgt den Einstellungen der App (Modell ▸ Einstellungen). Ein eigenes Modell oder eine eigene Kontextlänge des Chats wird geladen, wenn der Chat geöffnet wird.</translation>
    </message>
    <message>
        <source>All default</source>
        <translation>Alles auf Standard</translation>
    </message>
    <message>
        <source>Every field follows the app's settings</source>
        <translation>Jedes Feld folgt den Einstellungen der App</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>Als Vorlage speichern…</translation>
    </message>
    <message>
        <source>Saves these settings as a preset to start new chats from</source>
        <translation>Speichert diese Einstellungen als Vorlage, um neue Chats damit zu beginnen</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>Als Vorlage speichern</translation>
    </message>
    <message>
        <source>Name of the new preset:</source>
        <translation>Name der neuen Vorlage:</translation>
    </message>
</context>
<context>
    <name>ChatTemplate</name>
    <message>
        <source>the model's chat template</source>
        <translation>die Chatvorlage des Modells</translation>
    </message>
    <message>
        <source>ChatML: the model has no chat template, but its vocabulary is ChatML's</source>
        <translation>ChatML: Das Modell hat keine Chatvorlage, aber sein Vokabular ist das von ChatML</translation>
    </message>
    <message>
        <source>none: the model has no chat template</source>
        <translation>keine: Das Modell hat keine Chatvorlage</translation>
    </message>
    <message>
        <source>Edit the model's chat template in Models, or choose another model.</source>
        <translation>Bearbeiten Sie die Chatvorlage des Modells unter „Modelle“ oder wählen Sie ein anderes Modell.</translation>
    </message>
    <message>
        <source>it cuts or transforms message text</source>
        <translation>sie kürzt oder verändert Nachrichtentext</translation>
    </message>
    <message>
        <source>This model has no chat template, so chatapp cannot tell how to talk to it. It is probably a base model, which continues text rather than answering questions: choose an instruct (chat) model, or give it a chat template in Models.</source>
        <translation>Dieses Modell hat keine Chatvorlage, daher weiß chatapp nicht, wie es mit ihm sprechen soll. Es ist wahrscheinlich ein Basismodell, das Text fortsetzt, statt Fragen zu beantworten: Wählen Sie ein Instruct-(Chat-)Modell oder geben Sie ihm unter „Modelle“ eine Chatvorlage.</translation>
    </message>
    <message>
        <source>The model's chat template does not compile ({error}). {what_to_do}</source>
        <translation>Die Chatvorlage des Modells lässt sich nicht kompilieren ({error}). {what_to_do}</translation>
    </message>
    <message>
        <source>There is no reply to continue.</source>
        <translation>Es gibt keine Antwort zum Fortsetzen.</translation>
    </message>
    <message>
        <source>The model's chat template leaves the last reply out, so it cannot be continued.</source>
        <translation>Die Chatvorlage des Modells lässt die letzte Antwort weg, daher kann sie nicht fortgesetzt werden.</translation>
    </message>
    <message>
        <source>it treats message text differently depending on what it is</source>
        <translation>sie behandelt Nachrichtentext je nach Inhalt unterschiedlich</translation>
    </message>
    <message>
        <source>it produces an oversized prompt</source>
        <translation>sie erzeugt einen übergroßen Prompt</translation>
    </message>
    <message>
        <source>The model's chat template cannot render this conversation: it raised "{error}". {what_to_do}</source>
        <translation>Die Chatvorlage des Modells kann diese Unterhaltung nicht darstellen: Sie meldete „{error}“. {what_to_do}</translation>
    </message>
    <message>
        <source>it repeats message text</source>
        <translation>sie wiederholt Nachrichtentext</translation>
    </message>
    <message>
        <source>it leaves out the text of message(s) {messages}</source>
        <translation>sie lässt den Text der Nachricht(en) {messages} weg</translation>
    </message>
    <message>
        <source>The model's chat template alters message text ({how}), and chatapp passes what people write to the model unchanged. {what_to_do}</source>
        <translation>Die Chatvorlage des Modells verändert Nachrichtentext ({how}), und chatapp gibt das Geschriebene unverändert an das Modell weiter. {what_to_do}</translation>
    </message>
</context>
<context>
    <name>ChatTemplateDialog</name>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>Sie sind ein hilfreicher Assistent.</translation>
    </message>
    <message>
        <source>What is the capital of France?</source>
        <translation>Was ist die Hauptstadt von Frankreich?</translation>
    </message>
    <message>
        <source>The capital of France is Paris.</source>
        <translation>Die Hauptstadt von Frankreich ist Paris.</translation>
    </message>
    <message>
        <source>And of Italy?</source>
        <translation>Und die von Italien?</translation>
    </message>
    <message>
        <source>Chat template — {model}</source>
        <translation>Chatvorlage — {model}</translation>
    </message>
    <message>
        <source>Chat template of {model}</source>
        <translation>Chatvorlage von {model}</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <source>Reading the model file's header…</source>
        <translation>Die Kopfdaten der Modelldatei werden gelesen…</translation>
    </message>
    <message>
        <source>Template source</source>
        <translation>Herkunft der Vorlage</translation>
    </message>
    <message>
        <source>&amp;Template (Jinja):</source>
        <translation>&amp;Vorlage (Jinja):</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>Chatvorlage</translation>
    </message>
    <message>
        <source>The Jinja template this model's chats are written in; Tab types a tab, Ctrl+Tab moves on</source>
        <translation>Die Jinja-Vorlage, in der die Chats dieses Modells geschrieben werden; Tab fügt einen Tabulator ein, Strg+Tab springt weiter</translation>
    </message>
    <message>
        <source>The &amp;prompt it makes of a sample chat (system, user, assistant, user):</source>
        <translation>Der &amp;Prompt, den sie aus einem Beispiel-Chat macht (System, Benutzer, Assistent, Benutzer):</translation>
    </message>
    <message>
        <source>Rendered sample chat</source>
        <translation>Gerenderter Beispiel-Chat</translation>
    </message>
    <message>
        <source>The prompt the template makes of a sample chat, once checked</source>
        <translation>Der Prompt, den die Vorlage aus einem Beispiel-Chat macht, nach der Prüfung</translation>
    </message>
    <message>
        <source>Check the template to see it here.</source>
        <translation>Prüfen Sie die Vorlage, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Render a sample chat with this template</source>
        <translation>Einen Beispiel-Chat mit dieser Vorlage rendern</translation>
    </message>
    <message>
        <source>Reset to the model's own</source>
        <translation>Auf die des Modells zurücksetzen</translation>
    </message>
    <message>
        <source>Go back to the template in the model file; a template of your own is removed</source>
        <translation>Zur Vorlage aus der Modelldatei zurückkehren; Ihre eigene Vorlage wird entfernt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Possible once the template as it stands passes Check</source>
        <translation>Möglich, sobald die Vorlage in ihrer jetzigen Form die Prüfung besteht</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The model file's template cannot be shown.</source>
        <translation>Die Vorlage der Modelldatei kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>This is your own template for this model, used instead of the one in the model file. “{reset}” goes back to that one.</source>
        <translation>Dies ist Ihre eigene Vorlage für dieses Modell; sie wird statt der aus der Modelldatei verwendet. „{reset}“ kehrt zu jener zurück.</translation>
    </message>
    <message>
        <source>This is the model's own template, from its file.</source>
        <translation>Dies ist die Vorlage des Modells aus seiner Datei.</translation>
    </message>
    <message>
        <source>Your saved template for it cannot be read (see below).</source>
        <translation>Ihre gespeicherte Vorlage dafür kann nicht gelesen werden (siehe unten).</translation>
    </message>
    <message>
        <source>{reason} Write one here to tell chatapp how to talk to it.</source>
        <translation>{reason} Schreiben Sie hier eine, damit chatapp weiß, wie es mit dem Modell sprechen soll.</translation>
    </message>
    <message>
        <source>Edited, not saved: check it, then save it to use it for this model.</source>
        <translation>Bearbeitet, nicht gespeichert: Prüfen und speichern Sie sie, um sie für dieses Modell zu verwenden.</translation>
    </message>
    <message>
        <source>Changed since the check: check it again before saving.</source>
        <translation>Seit der Prüfung geändert: Prüfen Sie sie vor dem Speichern erneut.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>The template is empty: write one, or reset to the model's own.</source>
        <translation>Die Vorlage ist leer: Schreiben Sie eine oder kehren Sie zu der des Modells zurück.</translation>
    </message>
    <message numerus="yes">
        <source>… (%n more characters)</source>
        <translation>
            <numerusform>… (%Ln weiteres Zeichen)</numerusform>
            <numerusform>… (%Ln weitere Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>The template renders the sample chat. Read the prompt above; if it is what the model expects, save it.</source>
        <translation>Die Vorlage rendert den Beispiel-Chat. Lesen Sie den Prompt oben; wenn er dem entspricht, was das Modell erwartet, speichern Sie sie.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Back to the model's own template.</source>
        <translation>Zurück zur Vorlage des Modells.</translation>
    </message>
    <message>
        <source>Removing your template…</source>
        <translation>Ihre Vorlage wird entfernt…</translation>
    </message>
    <message>
        <source>Your template was removed: the model's own applies again.</source>
        <translation>Ihre Vorlage wurde entfernt: Die des Modells gilt wieder.</translation>
    </message>
    <message>
        <source>Changed while it was checked: check it again before saving.</source>
        <translation>Während der Prüfung geändert: Prüfen Sie sie vor dem Speichern erneut.</translation>
    </message>
</context>
<context>
    <name>CitationOpener</name>
    <message>
        <source>The file is no longer there; this is the passage the model was given.</source>
        <translation>Die Datei ist nicht mehr vorhanden; dies ist der Abschnitt, den das Modell erhielt.</translation>
    </message>
    <message>
        <source>No app on this computer opened the file; this is the passage the model was given.</source>
        <translation>Keine App auf diesem Computer hat die Datei geöffnet; dies ist der Abschnitt, den das Modell erhielt.</translation>
    </message>
</context>
<context>
    <name>CitationsView</name>
    <message>
        <source>page {page}</source>
        <translation>Seite {page}</translation>
    </message>
    <message>
        <source>“{heading}”</source>
        <translation>„{heading}“</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>[{number}] {name} · {place}</source>
        <translation>[{number}] {name} · {place}</translation>
    </message>
    <message>
        <source>[{number}] {name}</source>
        <translation>[{number}] {name}</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>The passages of your documents the reply was given</source>
        <translation>Die Abschnitte Ihrer Dokumente, die der Antwort vorlagen</translation>
    </message>
    <message>
        <source>Source {number}: {name}</source>
        <translation>Quelle {number}: {name}</translation>
    </message>
    <message>
        <source>Opens the file at this place, or shows the passage</source>
        <translation>Öffnet die Datei an dieser Stelle oder zeigt den Abschnitt</translation>
    </message>
    <message>
        <source>Show fewer sources</source>
        <translation>Weniger Quellen zeigen</translation>
    </message>
    <message numerus="yes">
        <source>Show all %n sources</source>
        <translation>
            <numerusform>Die %Ln Quelle zeigen</numerusform>
            <numerusform>Alle %Ln Quellen zeigen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy this code to the clipboard</source>
        <translation>Diesen Code in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Copy {language} block</source>
        <translation>{language}-Block kopieren</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>CollectionDialog</name>
    <message>
        <source>Add a collection</source>
        <translation>Sammlung hinzufügen</translation>
    </message>
    <message>
        <source>A collection is a set of folders a chat can search. Text, Markdown, source code, PDF, Word (.docx) and HTML files in them are indexed, also in their sub-folders; the index is kept current when files change.</source>
        <translation>Eine Sammlung ist eine Gruppe von Ordnern, die ein Chat durchsuchen kann. Text-, Markdown-, Quellcode-, PDF-, Word- (.docx) und HTML-Dateien darin werden indiziert, auch in Unterordnern; der Index bleibt aktuell, wenn sich Dateien ändern.</translation>
    </message>
    <message>
        <source>e.g. Notes, Manuals, Project X</source>
        <translation>z. B. Notizen, Handbücher, Projekt X</translation>
    </message>
    <message>
        <source>Collection name</source>
        <translation>Name der Sammlung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>The folders the collection holds</source>
        <translation>Die Ordner der Sammlung</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Chooses a folder to add to the collection</source>
        <translation>Wählt einen Ordner, der zur Sammlung hinzukommt</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>Ordner entfernen</translation>
    </message>
    <message>
        <source>Takes the chosen folder out of the list</source>
        <translation>Nimmt den gewählten Ordner aus der Liste</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Add and index</source>
        <translation>Hinzufügen und indizieren</translation>
    </message>
    <message>
        <source>Add a folder to the collection</source>
        <translation>Ordner zur Sammlung hinzufügen</translation>
    </message>
    <message>
        <source>Give the collection a name.</source>
        <translation>Geben Sie der Sammlung einen Namen.</translation>
    </message>
    <message>
        <source>Add at least one folder.</source>
        <translation>Fügen Sie mindestens einen Ordner hinzu.</translation>
    </message>
</context>
<context>
    <name>CollectionsChooser</name>
    <message>
        <source>Local documents</source>
        <translation>Lokale Dokumente</translation>
    </message>
    <message>
        <source>No collections yet: add folders in File ▸ Local documents, then choose them here.</source>
        <translation>Noch keine Sammlungen: Fügen Sie unter Datei ▸ Lokale Dokumente Ordner hinzu und wählen Sie sie dann hier.</translation>
    </message>
    <message>
        <source>Passages found in this collection go into this chat's prompts, and the replies cite them</source>
        <translation>In dieser Sammlung gefundene Passagen fließen in die Prompts dieses Chats ein, und die Antworten zitieren sie</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>.txt, .md, .pdf, .docx, .html and source code files</source>
        <translation>.txt, .md, .pdf, .docx, .html und Quellcode-Dateien</translation>
    </message>
    <message>
        <source>A pasted image is not a document: chatapp reads {kinds}. Paste or attach a file instead.</source>
        <translation>Ein eingefügtes Bild ist kein Dokument: chatapp liest {kinds}. Fügen Sie stattdessen eine Datei ein oder hängen Sie sie an.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <source>Thinking on</source>
        <translation>Denken an</translation>
    </message>
    <message>
        <source>Thinking off</source>
        <translation>Denken aus</translation>
    </message>
    <message>
        <source>Reasoning: low</source>
        <translation>Nachdenken: wenig</translation>
    </message>
    <message>
        <source>Reasoning: medium</source>
        <translation>Nachdenken: mittel</translation>
    </message>
    <message>
        <source>Reasoning: high</source>
        <translation>Nachdenken: viel</translation>
    </message>
    <message>
        <source>No model is loaded: load one (Model menu) to start chatting.</source>
        <translation>Kein Modell geladen: Laden Sie eines (Menü Modell), um zu chatten.</translation>
    </message>
    <message>
        <source>The model is loading…</source>
        <translation>Das Modell wird geladen…</translation>
    </message>
    <message>
        <source>Message the model (Enter sends, Shift+Enter for a new line)</source>
        <translation>Nachricht an das Modell (Eingabe sendet, Umschalt+Eingabe für eine neue Zeile)</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Writing a reply… (Esc or Stop to stop it)</source>
        <translation>Antwort wird geschrieben… (Esc oder Anhalten beendet sie)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Attach files to the message ({kinds}); you can also drop or paste them here</source>
        <translation>Dateien an die Nachricht anhängen ({kinds}); Sie können sie auch hier ablegen oder einfügen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Your message to the model: Enter sends, Shift+Enter starts a new line, Esc stops a reply</source>
        <translation>Ihre Nachricht an das Modell: Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile, Esc hält eine Antwort an</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>Die Nachricht senden (Eingabe)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop the reply (Esc)</source>
        <translation>Die Antwort anhalten (Esc)</translation>
    </message>
    <message>
        <source>Message box note</source>
        <translation>Hinweis zum Eingabefeld</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Denken</translation>
    </message>
    <message>
        <source>Whether the model thinks before it answers, in this chat</source>
        <translation>Ob das Modell in diesem Chat vor der Antwort nachdenkt</translation>
    </message>
    <message>
        <source>Wait a moment: the attached files are still being read.</source>
        <translation>Einen Moment: Die angehängten Dateien werden noch gelesen.</translation>
    </message>
    <message>
        <source>A message takes at most {limit} files; 1 was left out.</source>
        <translation>Eine Nachricht nimmt höchstens {limit} Dateien auf; 1 wurde ausgelassen.</translation>
    </message>
    <message numerus="yes">
        <source>A message takes at most {limit} files; %n were left out.</source>
        <translation>
            <numerusform>Eine Nachricht nimmt höchstens {limit} Dateien auf; %Ln wurde ausgelassen.</numerusform>
            <numerusform>Eine Nachricht nimmt höchstens {limit} Dateien auf; %Ln wurden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>eingefügtes Bild</translation>
    </message>
</context>
<context>
    <name>ContextPolicy</name>
    <message>
        <source>as set</source>
        <translation>wie eingestellt</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>automatic (the model does not state its maximum)</source>
        <translation>automatisch (das Modell nennt sein Maximum nicht)</translation>
    </message>
    <message>
        <source>the model's maximum</source>
        <translation>das Maximum des Modells</translation>
    </message>
    <message>
        <source>limited by this computer's free memory</source>
        <translation>begrenzt durch den freien Arbeitsspeicher dieses Computers</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>Eine neue Unterhaltung beginnen</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>Your chats, newest first. Enter or a click opens one; F2 renames it, Delete deletes the selected chats.</source>
        <translation>Ihre Chats, die neuesten zuerst. Eingabetaste oder Klick öffnet einen; F2 benennt ihn um, Entf löscht die ausgewählten Chats.</translation>
    </message>
    <message>
        <source>Deleted chats</source>
        <translation>Gelöschte Chats</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Bring the deleted chats back ({keys} in the list)</source>
        <translation>Die gelöschten Chats zurückholen ({keys} in der Liste)</translation>
    </message>
    <message>
        <source>Delete the selected chats</source>
        <translation>Ausgewählte Chats löschen</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Chat deleted</source>
        <translation>Chat gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>%n chats deleted</source>
        <translation>
            <numerusform>%Ln Chat gelöscht</numerusform>
            <numerusform>%Ln Chats gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Pin to top</source>
        <translation>Oben anheften</translation>
    </message>
    <message numerus="yes">
        <source>Unpin %n chats</source>
        <translation>
            <numerusform>%Ln Chat lösen</numerusform>
            <numerusform>%Ln Chats lösen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pin %n chats to top</source>
        <translation>
            <numerusform>%Ln Chat oben anheften</numerusform>
            <numerusform>%Ln Chats oben anheften</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n chats…</source>
        <translation>
            <numerusform>%Ln Chat löschen…</numerusform>
            <numerusform>%Ln Chats löschen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete chat</source>
        <translation>Chat löschen</translation>
    </message>
    <message>
        <source>Delete “{title}” and all its messages?</source>
        <translation>„{title}“ und alle Nachrichten darin löschen?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n chats</source>
        <translation>
            <numerusform>%Ln Chat löschen</numerusform>
            <numerusform>%Ln Chats löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n chats and all their messages?</source>
        <translation>
            <numerusform>%Ln Chat und alle Nachrichten darin löschen?</numerusform>
            <numerusform>%Ln Chats und alle Nachrichten darin löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this for a few seconds.</source>
        <translation>Sie können dies einige Sekunden lang rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>The messages of the open chat, oldest first</source>
        <translation>Die Nachrichten des geöffneten Chats, die ältesten zuerst</translation>
    </message>
    <message>
        <source>Context notice</source>
        <translation>Hinweis zum Kontext</translation>
    </message>
    <message>
        <source>Show the messages before these</source>
        <translation>Die Nachrichten davor zeigen</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>The oldest message no longer fits the model's context ({tokens} tokens), so it is left out of what the model reads. The system prompt is always kept.</source>
        <translation>Die älteste Nachricht passt nicht mehr in den Kontext des Modells ({tokens} Token) und wird daher beim Lesen ausgelassen. Der Systemprompt bleibt immer erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>The oldest %n messages no longer fit the model's context ({tokens} tokens), so they are left out of what the model reads. The system prompt is always kept.</source>
        <translation>
            <numerusform>Die älteste Nachricht passt nicht mehr in den Kontext des Modells ({tokens} Token) und wird daher beim Lesen ausgelassen. Der Systemprompt bleibt immer erhalten.</numerusform>
            <numerusform>Die ältesten %Ln Nachrichten passen nicht mehr in den Kontext des Modells ({tokens} Token) und werden daher beim Lesen ausgelassen. Der Systemprompt bleibt immer erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show 1 earlier message</source>
        <translation>1 frühere Nachricht zeigen</translation>
    </message>
    <message numerus="yes">
        <source>Show %n earlier messages</source>
        <translation>
            <numerusform>%Ln frühere Nachricht zeigen</numerusform>
            <numerusform>%Ln frühere Nachrichten zeigen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentIndex</name>
    <message>
        <source>The index of your local documents is damaged. chatapp will move it aside and index your folders again; your files are not affected.</source>
        <translation>Der Index Ihrer lokalen Dokumente ist beschädigt. chatapp verschiebt ihn und indiziert Ihre Ordner neu; Ihre Dateien sind davon nicht betroffen.</translation>
    </message>
    <message>
        <source>The disk is full, so the index of your local documents could not be saved. Free some space; indexing continues where it stopped.</source>
        <translation>Der Datenträger ist voll, daher konnte der Index Ihrer lokalen Dokumente nicht gespeichert werden. Geben Sie Speicherplatz frei; die Indizierung wird dort fortgesetzt, wo sie angehalten hat.</translation>
    </message>
    <message>
        <source>The index of your local documents stayed busy too long (another chatapp window may be indexing). Try again in a moment.</source>
        <translation>Der Index Ihrer lokalen Dokumente war zu lange belegt (vielleicht indiziert gerade ein anderes chatapp-Fenster). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The index of your local documents ({path}) could not be read or written ({error}).</source>
        <translation>Der Index Ihrer lokalen Dokumente ({path}) konnte nicht gelesen oder geschrieben werden ({error}).</translation>
    </message>
    <message>
        <source>The vector search extension (sqlite-vec) could not be loaded; reinstall chatapp. ({error})</source>
        <translation>Die Erweiterung für die Vektorsuche (sqlite-vec) konnte nicht geladen werden; installieren Sie chatapp neu. ({error})</translation>
    </message>
    <message>
        <source>The index of your local documents was written by a newer version of chatapp (format {version}; this version reads up to {latest}). Update chatapp to use it. The file was not changed: {path}</source>
        <translation>Der Index Ihrer lokalen Dokumente wurde von einer neueren chatapp-Version geschrieben (Format {version}; diese Version liest bis {latest}). Aktualisieren Sie chatapp, um ihn zu verwenden. Die Datei wurde nicht verändert: {path}</translation>
    </message>
    <message>
        <source>The index of your local documents ({path}) could not be created ({error}).</source>
        <translation>Der Index Ihrer lokalen Dokumente ({path}) konnte nicht angelegt werden ({error}).</translation>
    </message>
    <message>
        <source>The index of your local documents was damaged, so chatapp moved it aside ({name}) and is indexing your folders again. Your collections were kept.</source>
        <translation>Der Index Ihrer lokalen Dokumente war beschädigt, daher hat chatapp ihn verschoben ({name}) und indiziert Ihre Ordner neu. Ihre Sammlungen wurden beibehalten.</translation>
    </message>
    <message>
        <source>The index of your local documents was damaged, so chatapp moved it aside ({name}) and is indexing your folders again. Add your folders to Local documents again.</source>
        <translation>Der Index Ihrer lokalen Dokumente war beschädigt, daher hat chatapp ihn verschoben ({name}) und indiziert Ihre Ordner neu. Fügen Sie Ihre Ordner erneut unter „Lokale Dokumente“ hinzu.</translation>
    </message>
    <message>
        <source>The index of your local documents is closed.</source>
        <translation>Der Index Ihrer lokalen Dokumente ist geschlossen.</translation>
    </message>
    <message>
        <source>That collection no longer exists.</source>
        <translation>Diese Sammlung gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>One vector per passage is needed.</source>
        <translation>Es wird ein Vektor pro Abschnitt benötigt.</translation>
    </message>
    <message>
        <source>No embedding model is set for the index.</source>
        <translation>Für den Index ist kein Embedding-Modell festgelegt.</translation>
    </message>
    <message>
        <source>Unusable embedding model ({model}, {dimensions}).</source>
        <translation>Unbrauchbares Embedding-Modell ({model}, {dimensions}).</translation>
    </message>
    <message>
        <source>A vector of {count} numbers does not fit the index ({dimensions}).</source>
        <translation>Ein Vektor mit {count} Zahlen passt nicht zum Index ({dimensions}).</translation>
    </message>
    <message>
        <source>The question's vector ({count} numbers) is not of the index's embedding model ({dimensions}).</source>
        <translation>Der Vektor der Frage ({count} Zahlen) stammt nicht vom Embedding-Modell des Index ({dimensions}).</translation>
    </message>
    <message>
        <source>A collection needs a name.</source>
        <translation>Eine Sammlung braucht einen Namen.</translation>
    </message>
    <message>
        <source>A collection's name can be at most {count} characters long.</source>
        <translation>Der Name einer Sammlung darf höchstens {count} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>this could not be read ({error})</source>
        <translation>dies konnte nicht gelesen werden ({error})</translation>
    </message>
    <message>
        <source>It changed while chatapp read it.</source>
        <translation>Die Datei hat sich geändert, während chatapp sie gelesen hat.</translation>
    </message>
    <message>
        <source>chatapp could not read {name} (an internal error; the details are in its log).</source>
        <translation>chatapp konnte {name} nicht lesen (ein interner Fehler; Details stehen im Protokoll).</translation>
    </message>
    <message>
        <source>{name} changed while chatapp was reading it; it will be read again.</source>
        <translation>{name} hat sich geändert, während chatapp die Datei gelesen hat; sie wird erneut gelesen.</translation>
    </message>
    <message>
        <source>The embedding model gave vectors that do not fit its own description.</source>
        <translation>Das Embedding-Modell hat Vektoren geliefert, die nicht zu seiner eigenen Beschreibung passen.</translation>
    </message>
    <message>
        <source>The embedding model failed ({error}).</source>
        <translation>Das Embedding-Modell ist fehlgeschlagen ({error}).</translation>
    </message>
    <message>
        <source>chatapp is not allowed to read this folder</source>
        <translation>chatapp darf diesen Ordner nicht lesen</translation>
    </message>
    <message>
        <source>this folder does not exist (any more)</source>
        <translation>dieser Ordner existiert nicht (mehr)</translation>
    </message>
    <message>
        <source>this is not a folder</source>
        <translation>dies ist kein Ordner</translation>
    </message>
    <message>
        <source>this folder could not be read ({error})</source>
        <translation>dieser Ordner konnte nicht gelesen werden ({error})</translation>
    </message>
    <message>
        <source>{folder} is not there, so changes in it are not followed.</source>
        <translation>{folder} ist nicht vorhanden, daher werden Änderungen darin nicht verfolgt.</translation>
    </message>
    <message>
        <source>Changes in {folder} are not followed ({error}); they are picked up at the next start.</source>
        <translation>Änderungen in {folder} werden nicht verfolgt ({error}); sie werden beim nächsten Start übernommen.</translation>
    </message>
</context>
<context>
    <name>DocumentReader</name>
    <message>
        <source>{name} is protected by a password or is an old Word file (.doc), so chatapp cannot read it. Open it in Word or LibreOffice and save it as .docx without a password, then attach that copy.</source>
        <translation>{name} ist passwortgeschützt oder eine alte Word-Datei (.doc), daher kann chatapp es nicht lesen. Öffnen Sie es in Word oder LibreOffice, speichern Sie es ohne Passwort als .docx und hängen Sie diese Kopie an.</translation>
    </message>
    <message>
        <source>{name} holds more text than chatapp reads from one document ({count} characters); the rest was left out.</source>
        <translation>{name} enthält mehr Text, als chatapp aus einem Dokument liest ({count} Zeichen); der Rest wurde ausgelassen.</translation>
    </message>
    <message>
        <source>{name} is not a Word document chatapp can read: it is damaged or not a .docx file. If it opens in Word or LibreOffice, save it again as .docx and attach that.</source>
        <translation>{name} ist kein Word-Dokument, das chatapp lesen kann: Es ist beschädigt oder keine .docx-Datei. Wenn es sich in Word oder LibreOffice öffnen lässt, speichern Sie es erneut als .docx und hängen Sie diese Datei an.</translation>
    </message>
    <message>
        <source>{name} unpacks to more than chatapp reads from one Word document ({size} MB in at most {count} parts). Save its text as a smaller document or as PDF.</source>
        <translation>{name} ist entpackt größer, als chatapp aus einem Word-Dokument liest ({size} MB in höchstens {count} Teilen). Speichern Sie den Text als kleineres Dokument oder als PDF.</translation>
    </message>
    <message>
        <source>{name} is damaged: chatapp could not read its text. If it opens in a PDF viewer, print it to a new PDF from there and attach that.</source>
        <translation>{name} ist beschädigt: chatapp konnte den Text nicht lesen. Wenn sich die Datei in einem PDF-Betrachter öffnen lässt, drucken Sie sie von dort in ein neues PDF und hängen Sie dieses an.</translation>
    </message>
    <message>
        <source>{name} is protected by a password, so chatapp cannot read it. Open it with the password and save it as PDF without a password, then attach that copy.</source>
        <translation>{name} ist passwortgeschützt, daher kann chatapp es nicht lesen. Öffnen Sie es mit dem Passwort, speichern Sie es ohne Passwort als PDF und hängen Sie diese Kopie an.</translation>
    </message>
    <message>
        <source>{name} is not a PDF chatapp can read: it is damaged or not a PDF at all. If it opens in a PDF viewer, print it to a new PDF from there and attach that.</source>
        <translation>{name} ist kein PDF, das chatapp lesen kann: Es ist beschädigt oder gar kein PDF. Wenn sich die Datei in einem PDF-Betrachter öffnen lässt, drucken Sie sie von dort in ein neues PDF und hängen Sie dieses an.</translation>
    </message>
    <message>
        <source>{name} holds more text than chatapp reads from one PDF ({count} characters): it was read up to page {page}.</source>
        <translation>{name} enthält mehr Text, als chatapp aus einem PDF liest ({count} Zeichen): Es wurde bis Seite {page} gelesen.</translation>
    </message>
    <message>
        <source>{name} is damaged: chatapp could not read the text of any of its pages. If it opens in a PDF viewer, print it to a new PDF from there and attach that.</source>
        <translation>{name} ist beschädigt: chatapp konnte den Text keiner Seite lesen. Wenn sich die Datei in einem PDF-Betrachter öffnen lässt, drucken Sie sie von dort in ein neues PDF und hängen Sie dieses an.</translation>
    </message>
    <message>
        <source>{name} has {pages} but no text chatapp can read: it is probably scanned (pictures of pages). Run it through text recognition (OCR), for example with your scanner's software or ocrmypdf, and attach the result.</source>
        <translation>{name} hat {pages}, aber keinen Text, den chatapp lesen kann: Die Datei ist wahrscheinlich gescannt (Bilder von Seiten). Lassen Sie eine Texterkennung (OCR) darüber laufen, etwa mit der Software Ihres Scanners oder mit ocrmypdf, und hängen Sie das Ergebnis an.</translation>
    </message>
    <message>
        <source>Page {pages} of {name} has no text (probably scanned); chatapp left it out.</source>
        <translation>Seite {pages} von {name} enthält keinen Text (wahrscheinlich gescannt); chatapp hat sie ausgelassen.</translation>
    </message>
    <message>
        <source>Pages {pages} of {name} have no text (probably scanned); chatapp left them out.</source>
        <translation>Die Seiten {pages} von {name} enthalten keinen Text (wahrscheinlich gescannt); chatapp hat sie ausgelassen.</translation>
    </message>
    <message>
        <source>Page {pages} of {name} is damaged; chatapp left it out.</source>
        <translation>Seite {pages} von {name} ist beschädigt; chatapp hat sie ausgelassen.</translation>
    </message>
    <message>
        <source>Pages {pages} of {name} are damaged; chatapp left them out.</source>
        <translation>Die Seiten {pages} von {name} sind beschädigt; chatapp hat sie ausgelassen.</translation>
    </message>
    <message>
        <source>Page {pages} of {name} holds more than {count} characters; only that much was read.</source>
        <translation>Seite {pages} von {name} enthält mehr als {count} Zeichen; nur so viel wurde gelesen.</translation>
    </message>
    <message>
        <source>Pages {pages} of {name} hold more than {count} characters each; only that much was read.</source>
        <translation>Die Seiten {pages} von {name} enthalten jeweils mehr als {count} Zeichen; nur so viel wurde gelesen.</translation>
    </message>
    <message>
        <source>{name} has {count} pages; chatapp read the first {read}.</source>
        <translation>{name} hat {count} Seiten; chatapp hat die ersten {read} gelesen.</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 Seite</translation>
    </message>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%Ln Seite</numerusform>
            <numerusform>%Ln Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>{list} and {last}</source>
        <translation>{list} und {last}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between page numbers</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>a ZIP archive (perhaps a Word, Excel or other Office document)</source>
        <translation>ein ZIP-Archiv (vielleicht ein Word-, Excel- oder anderes Office-Dokument)</translation>
    </message>
    <message>
        <source>an old Office document or a password-protected one</source>
        <translation>ein altes oder passwortgeschütztes Office-Dokument</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>ein PNG-Bild</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>ein JPEG-Bild</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>ein GIF-Bild</translation>
    </message>
    <message>
        <source>a program</source>
        <translation>ein Programm</translation>
    </message>
    <message>
        <source>a Windows program</source>
        <translation>ein Windows-Programm</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>ein gzip-Archiv</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>ein RAR-Archiv</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>ein 7-Zip-Archiv</translation>
    </message>
    <message>
        <source>an SQLite database</source>
        <translation>eine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>a GGUF model file</source>
        <translation>eine GGUF-Modelldatei</translation>
    </message>
    <message>
        <source>If it is a document, open it in the program that made it and save it as PDF, DOCX or plain text.</source>
        <translation>Wenn es ein Dokument ist, öffnen Sie es in dem Programm, mit dem es erstellt wurde, und speichern Sie es als PDF, DOCX oder reinen Text.</translation>
    </message>
    <message>
        <source>{name} does not hold text (it looks like {kind}), so chatapp cannot read it.</source>
        <translation>{name} enthält keinen Text (es sieht aus wie {kind}), daher kann chatapp die Datei nicht lesen.</translation>
    </message>
    <message>
        <source>{name} does not hold text, so chatapp cannot read it.</source>
        <translation>{name} enthält keinen Text, daher kann chatapp die Datei nicht lesen.</translation>
    </message>
    <message>
        <source>.txt, .md, .pdf, .docx, .html and source code files</source>
        <translation>.txt, .md, .pdf, .docx, .html und Quellcodedateien</translation>
    </message>
    <message>
        <source>chatapp cannot read {name}: it reads {kinds}. Open it in the program that made it and save it as {instead} (or as PDF), then attach that.</source>
        <translation>chatapp kann {name} nicht lesen: Es liest {kinds}. Öffnen Sie die Datei in dem Programm, mit dem sie erstellt wurde, speichern Sie sie als {instead} (oder als PDF) und hängen Sie diese an.</translation>
    </message>
    <message>
        <source>chatapp cannot read {name}: it reads {kinds}. If it is a document, save it as PDF or plain text and attach that.</source>
        <translation>chatapp kann {name} nicht lesen: Es liest {kinds}. Wenn es ein Dokument ist, speichern Sie es als PDF oder reinen Text und hängen Sie diese Datei an.</translation>
    </message>
    <message>
        <source>{name} is {size}; chatapp reads files of this kind up to {limit}. Split it into smaller files, or attach only the part you need.</source>
        <translation>{name} ist {size} groß; chatapp liest Dateien dieser Art bis {limit}. Teilen Sie sie in kleinere Dateien auf oder hängen Sie nur den benötigten Teil an.</translation>
    </message>
    <message>
        <source>{name} is not a file name chatapp can open.</source>
        <translation>{name} ist kein Dateiname, den chatapp öffnen kann.</translation>
    </message>
    <message>
        <source>{name} changed while chatapp was reading it. Wait until it is saved completely (or the program writing it is done), then try again.</source>
        <translation>{name} hat sich geändert, während chatapp die Datei gelesen hat. Warten Sie, bis sie vollständig gespeichert ist (oder das schreibende Programm fertig ist), und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file. To use the files in a folder, add it under Local documents.</source>
        <translation>{name} ist ein Ordner, keine Datei. Um die Dateien eines Ordners zu verwenden, fügen Sie ihn unter „Lokale Dokumente“ hinzu.</translation>
    </message>
    <message>
        <source>{name} is a link to another file, and links are not followed here. Add the file it points to instead.</source>
        <translation>{name} ist eine Verknüpfung zu einer anderen Datei, und Verknüpfungen werden hier nicht verfolgt. Fügen Sie stattdessen die Datei hinzu, auf die sie zeigt.</translation>
    </message>
    <message>
        <source>a pipe</source>
        <translation>eine Pipe</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <source>{name} is {what}, not a regular file, so chatapp does not read it. Save what you want to use as a file and add that.</source>
        <translation>{name} ist {what}, keine gewöhnliche Datei, daher liest chatapp es nicht. Speichern Sie, was Sie verwenden möchten, als Datei und fügen Sie diese hinzu.</translation>
    </message>
    <message>
        <source>chatapp is not allowed to read {name} (permission denied). Check the file's permissions, or copy it to a folder of yours and add the copy.</source>
        <translation>chatapp darf {name} nicht lesen (Zugriff verweigert). Prüfen Sie die Berechtigungen der Datei oder kopieren Sie sie in einen eigenen Ordner und fügen Sie die Kopie hinzu.</translation>
    </message>
    <message>
        <source>{name} is a link to a file that is not there any more. Add the file itself instead.</source>
        <translation>{name} ist eine Verknüpfung zu einer Datei, die es nicht mehr gibt. Fügen Sie stattdessen die Datei selbst hinzu.</translation>
    </message>
    <message>
        <source>{name} is not there any more: it was moved, renamed or deleted.</source>
        <translation>{name} ist nicht mehr vorhanden: Die Datei wurde verschoben, umbenannt oder gelöscht.</translation>
    </message>
    <message>
        <source>{name} is a link that leads back to itself (a link loop), so there is no file to read. Add the file itself instead.</source>
        <translation>{name} ist eine Verknüpfung, die auf sich selbst zurückführt (eine Schleife), daher gibt es keine Datei zu lesen. Fügen Sie stattdessen die Datei selbst hinzu.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file.</source>
        <translation>{name} ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>chatapp could not read {name} ({error}). Check that the disk or network drive it is on is still there, then try again.</source>
        <translation>chatapp konnte {name} nicht lesen ({error}). Prüfen Sie, ob der Datenträger oder das Netzlaufwerk noch verfügbar ist, und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>DocumentsWording</name>
    <message>
        <source>Without an embedding model, passages are found by the words of the question alone. An embedding model also finds the passages that say the same thing in other words (“car repair costs” finds “what I paid the garage”). Get one in the Models pane: they are small and run on the CPU.</source>
        <translation>Ohne Embedding-Modell werden Passagen nur über die Wörter der Frage gefunden. Ein Embedding-Modell findet auch Passagen, die dasselbe mit anderen Worten sagen („Kosten der Autoreparatur“ findet „was ich der Werkstatt bezahlt habe“). Holen Sie sich eins im Bereich „Modelle“: Sie sind klein und laufen auf der CPU.</translation>
    </message>
    <message>
        <source>Passages are found by their words and by their meaning ({model}). Changing the model embeds every passage again.</source>
        <translation>Passagen werden über ihre Wörter und ihre Bedeutung gefunden ({model}). Ein Wechsel des Modells bettet alle Passagen neu ein.</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%Ln Datei</numerusform>
            <numerusform>%Ln Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>1 passage</source>
        <translation>1 Passage</translation>
    </message>
    <message numerus="yes">
        <source>%n passages</source>
        <translation>
            <numerusform>%Ln Passage</numerusform>
            <numerusform>%Ln Passagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%Ln fehlgeschlagen</numerusform>
            <numerusform>%Ln fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>Wird indiziert…</translation>
    </message>
    <message>
        <source>No files found yet</source>
        <translation>Noch keine Dateien gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%Ln wartet</numerusform>
            <numerusform>%Ln warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Indexed</source>
        <translation>Indiziert</translation>
    </message>
    <message>
        <source>1 passage to embed</source>
        <translation>1 Passage einzubetten</translation>
    </message>
    <message numerus="yes">
        <source>%n passages to embed</source>
        <translation>
            <numerusform>%Ln Passage einzubetten</numerusform>
            <numerusform>%Ln Passagen einzubetten</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for files in {name}: {files} found</source>
        <translation>Suche nach Dateien in {name}: {files} gefunden</translation>
    </message>
    <message>
        <source>Embedding the passages of {name}: {count} done</source>
        <translation>Passagen von {name} werden eingebettet: {count} fertig</translation>
    </message>
    <message>
        <source>{name}: done</source>
        <translation>{name}: fertig</translation>
    </message>
    <message>
        <source>Reading {name}: {done} of {files}</source>
        <translation>{name} wird gelesen: {done} von {files}</translation>
    </message>
    <message>
        <source>{rate} files/s</source>
        <translation>{rate} Dateien/s</translation>
    </message>
    <message>
        <source>about {duration} left</source>
        <translation>noch etwa {duration}</translation>
    </message>
    <message>
        <source>Paused · {progress}</source>
        <translation>Angehalten · {progress}</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
</context>
<context>
    <name>DownloadRow</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation>Datei wird geprüft</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>Wird installiert</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>{done} of {total} ({percent}%)</source>
        <translation>{done} von {total} ({percent} %)</translation>
    </message>
    <message>
        <source>{size}/s</source>
        <translation>{size}/s</translation>
    </message>
    <message>
        <source>{duration} left</source>
        <translation>noch {duration}</translation>
    </message>
    <message>
        <source>Download of {name}</source>
        <translation>Download von {name}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Progress of {name}</source>
        <translation>Fortschritt von {name}</translation>
    </message>
    <message>
        <source>State of {name}</source>
        <translation>Status von {name}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>{action}: {name}</source>
        <translation>{action}: {name}</translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <source>chatapp's model catalog</source>
        <translation>dem Modellkatalog von chatapp</translation>
    </message>
    <message>
        <source>the hub ({host})</source>
        <translation>dem Hub ({host})</translation>
    </message>
    <message>
        <source>the hub</source>
        <translation>dem Hub</translation>
    </message>
    <message>
        <source>{name} is split into {count} files but the repository lacks part(s) {missing}, so it cannot be downloaded.</source>
        <translation>{name} ist auf {count} Dateien aufgeteilt, aber dem Repository fehlen Teil(e) {missing}, daher kann es nicht heruntergeladen werden.</translation>
    </message>
    <message>
        <source>"{name}" is not a file name chatapp can save safely.</source>
        <translation>„{name}“ ist kein Dateiname, unter dem chatapp sicher speichern kann.</translation>
    </message>
    <message>
        <source>Nothing to download.</source>
        <translation>Nichts herunterzuladen.</translation>
    </message>
    <message>
        <source>Two of these files have the same name.</source>
        <translation>Zwei dieser Dateien haben denselben Namen.</translation>
    </message>
    <message>
        <source>{name} is already in your models folder.</source>
        <translation>{name} ist bereits in Ihrem Modellordner.</translation>
    </message>
    <message>
        <source>{name} is already being downloaded.</source>
        <translation>{name} wird bereits heruntergeladen.</translation>
    </message>
    <message>
        <source>This download is running in another chatapp window. Let it finish there, or close that window and try again here.</source>
        <translation>Dieser Download läuft in einem anderen chatapp-Fenster. Lassen Sie ihn dort beenden oder schließen Sie das Fenster und versuchen Sie es hier erneut.</translation>
    </message>
    <message>
        <source>The file changed on the hub since the download began, so it started over.</source>
        <translation>Die Datei hat sich auf dem Hub geändert, seit der Download begann, daher hat er neu begonnen.</translation>
    </message>
    <message>
        <source>The hub publishes no checksum for {filename}, so chatapp cannot check the download and does not install it.</source>
        <translation>Der Hub veröffentlicht keine Prüfsumme für {filename}, daher kann chatapp den Download nicht prüfen und installiert ihn nicht.</translation>
    </message>
    <message>
        <source>The hub changed its answer about this file while downloading it.</source>
        <translation>Der Hub hat seine Angaben zu dieser Datei während des Downloads geändert.</translation>
    </message>
    <message>
        <source>The server could not continue where the download stopped, so this file started over.</source>
        <translation>Der Server konnte nicht dort fortsetzen, wo der Download angehalten hatte, daher hat diese Datei neu begonnen.</translation>
    </message>
    <message>
        <source>{host} answered the download with an unexpected status ({status}).</source>
        <translation>{host} hat auf den Download mit einem unerwarteten Status geantwortet ({status}).</translation>
    </message>
</context>
<context>
    <name>DownloadsView</name>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
</context>
<context>
    <name>Embedding</name>
    <message>
        <source>{name} could not be loaded as an embedding model ({problem}). The file may be damaged; download it again or choose another model.</source>
        <translation>{name} konnte nicht als Embedding-Modell geladen werden ({problem}). Die Datei ist vielleicht beschädigt; laden Sie sie erneut herunter oder wählen Sie ein anderes Modell.</translation>
    </message>
    <message>
        <source>{name} could not be loaded as an embedding model. The file may be damaged; download it again or choose another model.</source>
        <translation>{name} konnte nicht als Embedding-Modell geladen werden. Die Datei ist vielleicht beschädigt; laden Sie sie erneut herunter oder wählen Sie ein anderes Modell.</translation>
    </message>
    <message>
        <source>{name} does not make one vector per text (it is a chat or reranking model), so it cannot be used for Local documents. Choose an embedding model in the Models pane.</source>
        <translation>{name} erzeugt nicht einen Vektor pro Text (es ist ein Chat- oder Reranking-Modell) und kann daher nicht für „Lokale Dokumente“ verwendet werden. Wählen Sie im Modellbereich ein Embedding-Modell.</translation>
    </message>
    <message>
        <source>The embedding model was closed.</source>
        <translation>Das Embedding-Modell wurde geschlossen.</translation>
    </message>
    <message>
        <source>The embedding model could not process the text (llama.cpp error {code}).</source>
        <translation>Das Embedding-Modell konnte den Text nicht verarbeiten (llama.cpp-Fehler {code}).</translation>
    </message>
    <message>
        <source>The embedding model returned no vector.</source>
        <translation>Das Embedding-Modell hat keinen Vektor geliefert.</translation>
    </message>
    <message>
        <source>The embedding model produced invalid numbers; the file may be damaged.</source>
        <translation>Das Embedding-Modell hat ungültige Zahlen erzeugt; die Datei ist vielleicht beschädigt.</translation>
    </message>
    <message>
        <source>{name} is a chat model, not an embedding model, so it cannot index Local documents. Choose an embedding model in the Models pane.</source>
        <translation>{name} ist ein Chat-Modell, kein Embedding-Modell, und kann daher keine lokalen Dokumente indizieren. Wählen Sie im Modellbereich ein Embedding-Modell.</translation>
    </message>
    <message>
        <source>{name} is a reranking model, not an embedding model, so it cannot index Local documents. Choose an embedding model in the Models pane.</source>
        <translation>{name} ist ein Reranking-Modell, kein Embedding-Modell, und kann daher keine lokalen Dokumente indizieren. Wählen Sie im Modellbereich ein Embedding-Modell.</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>The engine found no CPU backend that runs on this computer's processor in {folder}. Reinstall chatapp.</source>
        <translation>Die Engine hat in {folder} kein CPU-Backend gefunden, das auf dem Prozessor dieses Computers läuft. Installieren Sie chatapp neu.</translation>
    </message>
    <message>
        <source>Loading {name} was cancelled.</source>
        <translation>Das Laden von {name} wurde abgebrochen.</translation>
    </message>
    <message>
        <source>There is nothing to answer.</source>
        <translation>Es gibt nichts zu beantworten.</translation>
    </message>
    <message>
        <source>The prompt ({tokens} tokens) does not fit the context ({context} tokens).</source>
        <translation>Der Prompt ({tokens} Tokens) passt nicht in den Kontext ({context} Tokens).</translation>
    </message>
    <message>
        <source>The model could not process the text (llama.cpp error {code}). Try a shorter message or a new chat.</source>
        <translation>Das Modell konnte den Text nicht verarbeiten (llama.cpp-Fehler {code}). Versuchen Sie eine kürzere Nachricht oder einen neuen Chat.</translation>
    </message>
    <message>
        <source>The grammar for this reply is not valid.</source>
        <translation>Die Grammatik für diese Antwort ist ungültig.</translation>
    </message>
    <message>
        <source>{name} uses a model architecture this version of chatapp's engine cannot run. Update chatapp, or choose another model.</source>
        <translation>{name} verwendet eine Modellarchitektur, die diese Version der Engine von chatapp nicht ausführen kann. Aktualisieren Sie chatapp oder wählen Sie ein anderes Modell.</translation>
    </message>
    <message>
        <source>There is not enough memory to load {name}. Close other programs, lower the context length in Settings, or choose a smaller model.</source>
        <translation>Es ist nicht genug Arbeitsspeicher frei, um {name} zu laden. Schließen Sie andere Programme, verringern Sie die Kontextlänge in den Einstellungen oder wählen Sie ein kleineres Modell.</translation>
    </message>
    <message>
        <source>{name} could not be loaded: the engine rejected it ({problem}). The file may be damaged or of a kind chatapp cannot run; download it again or choose another model.</source>
        <translation>{name} konnte nicht geladen werden: Die Engine hat es abgelehnt ({problem}). Die Datei ist vielleicht beschädigt oder von einer Art, die chatapp nicht ausführen kann; laden Sie sie erneut herunter oder wählen Sie ein anderes Modell.</translation>
    </message>
    <message>
        <source>{name} could not be loaded: the engine rejected it. The file may be damaged or of a kind chatapp cannot run; download it again or choose another model.</source>
        <translation>{name} konnte nicht geladen werden: Die Engine hat es abgelehnt. Die Datei ist vielleicht beschädigt oder von einer Art, die chatapp nicht ausführen kann; laden Sie sie erneut herunter oder wählen Sie ein anderes Modell.</translation>
    </message>
    <message>
        <source>{name} crashed the engine in a test load ({signal}), so it was not loaded into chatapp. The file is damaged or made in a way this engine cannot handle; download it again or choose another model.</source>
        <translation>{name} hat die Engine bei einem Testladen zum Absturz gebracht ({signal}) und wurde daher nicht in chatapp geladen. Die Datei ist beschädigt oder auf eine Weise erstellt, mit der diese Engine nicht umgehen kann; laden Sie sie erneut herunter oder wählen Sie ein anderes Modell.</translation>
    </message>
    <message>
        <source>{name} could not be loaded in a test run (exit code {code}). The file may be damaged; download it again or choose another model.</source>
        <translation>{name} konnte bei einem Testlauf nicht geladen werden (Exit-Code {code}). Die Datei ist vielleicht beschädigt; laden Sie sie erneut herunter oder wählen Sie ein anderes Modell.</translation>
    </message>
    <message>
        <source>Loading {name} took longer than {seconds} seconds in a test run, so it was not loaded. The disk may be very slow, or the file broken.</source>
        <translation>Das Laden von {name} dauerte bei einem Testlauf länger als {seconds} Sekunden und wurde daher abgebrochen. Der Datenträger ist vielleicht sehr langsam oder die Datei defekt.</translation>
    </message>
    <message>
        <source>The model file {path} does not exist (any more). Choose another model.</source>
        <translation>Die Modelldatei {path} existiert nicht (mehr). Wählen Sie ein anderes Modell.</translation>
    </message>
    <message>
        <source>{name} is one part of a model split into several files, and {part} is missing. Download the model again.</source>
        <translation>{name} ist ein Teil eines auf mehrere Dateien aufgeteilten Modells, und {part} fehlt. Laden Sie das Modell erneut herunter.</translation>
    </message>
    <message>
        <source>Cannot load {name}. {problem}</source>
        <translation>{name} kann nicht geladen werden. {problem}</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}.</source>
        <translation>{name} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>Checking the model file…</source>
        <translation>Modelldatei wird geprüft…</translation>
    </message>
    <message>
        <source>{name} is an embedding model: it turns text into vectors for Local documents, and cannot chat. Choose a chat model.</source>
        <translation>{name} ist ein Embedding-Modell: Es wandelt Text in Vektoren für „Lokale Dokumente“ um und kann nicht chatten. Wählen Sie ein Chat-Modell.</translation>
    </message>
    <message>
        <source>{name} is a reranking model, and cannot chat. Choose a chat model.</source>
        <translation>{name} ist ein Reranking-Modell und kann nicht chatten. Wählen Sie ein Chat-Modell.</translation>
    </message>
    <message>
        <source>Test-loading the model…</source>
        <translation>Modell wird testweise geladen…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <source>This message is too long for the model's context: the prompt needs {needed} tokens, and the context holds {context} (with {reserve} kept for the reply). Shorten the message, or raise the context length in Settings.</source>
        <translation>Diese Nachricht ist zu lang für den Kontext des Modells: Der Prompt braucht {needed} Tokens, und der Kontext fasst {context} (davon {reserve} für die Antwort reserviert). Kürzen Sie die Nachricht oder erhöhen Sie die Kontextlänge in den Einstellungen.</translation>
    </message>
</context>
<context>
    <name>EngineWorker</name>
    <message>
        <source>loading {model}</source>
        <translation>Laden von {model}</translation>
    </message>
    <message>
        <source>The server this chat used is no longer in Remote servers. Add it again, or choose another model above.</source>
        <translation>Der Server, den dieser Chat verwendet hat, steht nicht mehr unter „Entfernte Server“. Fügen Sie ihn erneut hinzu oder wählen Sie oben ein anderes Modell.</translation>
    </message>
    <message>
        <source>starting the reply</source>
        <translation>Starten der Antwort</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model first.</source>
        <translation>Es ist kein Modell geladen. Laden Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>finding the chat's documents</source>
        <translation>Suchen der Dokumente des Chats</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something unexpected went wrong while {doing} ({error}). This is a bug in chatapp; the details are in its log. Your chats are safe.</source>
        <translation>Beim Vorgang „{doing}“ ist etwas Unerwartetes schiefgegangen ({error}). Das ist ein Fehler in chatapp; die Einzelheiten stehen in seinem Protokoll. Ihre Chats sind sicher.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({error}). This is a bug in chatapp; the details are in its log. Your chats are safe.</source>
        <translation>Etwas Unerwartetes ist schiefgegangen ({error}). Das ist ein Fehler in chatapp; die Einzelheiten stehen in seinem Protokoll. Ihre Chats sind sicher.</translation>
    </message>
</context>
<context>
    <name>FileCopy</name>
    <message>
        <source>Copying {name} was stopped.</source>
        <translation>Das Kopieren von {name} wurde angehalten.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in chat</source>
        <translation>Im Chat suchen</translation>
    </message>
    <message>
        <source>Words to find in the open chat. Enter goes to the next match, Shift+Enter to the previous one, Esc closes the bar.</source>
        <translation>Wörter, die im geöffneten Chat gesucht werden. Eingabetaste springt zum nächsten Treffer, Umschalt+Eingabetaste zum vorherigen, Esc schließt die Leiste.</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%Ln Treffer</numerusform>
            <numerusform>%Ln Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} von {total}</translation>
    </message>
</context>
<context>
    <name>FitBadge</name>
    <message>
        <source>Memory fit: unknown</source>
        <translation>Passt in den Speicher: unbekannt</translation>
    </message>
    <message>
        <source>{fit} (est.)</source>
        <translation>{fit} (geschätzt)</translation>
    </message>
    <message>
        <source>Unusable</source>
        <translation>Unbrauchbar</translation>
    </message>
    <message>
        <source>Memory fit: {fit}</source>
        <translation>Passt in den Speicher: {fit}</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%Ln Byte</numerusform>
            <numerusform>%Ln Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} GB</translation>
    </message>
    <message>
        <source>{size} TB</source>
        <translation>{size} TB</translation>
    </message>
    <message>
        <source>{size} PB</source>
        <translation>{size} PB</translation>
    </message>
    <message>
        <source>{count}B</source>
        <translation>{count} Mrd.</translation>
    </message>
    <message>
        <source>{count}M</source>
        <translation>{count} Mio.</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} Std.</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} Min. {seconds} s</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{used} / {total} tokens</source>
        <translation>{used} / {total} Tokens</translation>
    </message>
</context>
<context>
    <name>GgufValidator</name>
    <message>
        <source>llama.cpp bundled with llama-cpp-python {version}</source>
        <translation>das mit llama-cpp-python {version} gelieferte llama.cpp</translation>
    </message>
    <message>
        <source>This model file is damaged or was not made correctly ({reason}). Download it again, or choose a different model file.</source>
        <translation>Diese Modelldatei ist beschädigt oder wurde nicht korrekt erstellt ({reason}). Laden Sie sie erneut herunter oder wählen Sie eine andere Modelldatei.</translation>
    </message>
    <message>
        <source>its header asks for an impossibly large amount of data</source>
        <translation>ihr Header verlangt eine unmöglich große Datenmenge</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} Bytes</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes). It was probably not downloaded completely; download it again.</source>
        <translation>Die Datei ist leer (0 Bytes). Sie wurde wahrscheinlich nicht vollständig heruntergeladen; laden Sie sie erneut herunter.</translation>
    </message>
    <message>
        <source>The file ends early: it is {have} but its header says it needs at least {want}. It was probably not downloaded completely; download it again.</source>
        <translation>Die Datei endet zu früh: Sie ist {have} groß, aber laut Header braucht sie mindestens {want}. Sie wurde wahrscheinlich nicht vollständig heruntergeladen; laden Sie sie erneut herunter.</translation>
    </message>
    <message>
        <source>The file ends early: it is {have} but its header says it needs {want}. It was probably not downloaded completely; download it again.</source>
        <translation>Die Datei endet zu früh: Sie ist {have} groß, aber laut Header braucht sie {want}. Sie wurde wahrscheinlich nicht vollständig heruntergeladen; laden Sie sie erneut herunter.</translation>
    </message>
    <message>
        <source>the tensor "{name}"</source>
        <translation>der Tensor „{name}“</translation>
    </message>
    <message>
        <source>{place} is impossibly large</source>
        <translation>{place} ist unmöglich groß</translation>
    </message>
    <message>
        <source>{place} has an unknown value type</source>
        <translation>{place} hat einen unbekannten Werttyp</translation>
    </message>
    <message>
        <source>a .zip archive, or a PyTorch checkpoint</source>
        <translation>ein .zip-Archiv oder ein PyTorch-Checkpoint</translation>
    </message>
    <message>
        <source>a Git LFS pointer, not the file itself</source>
        <translation>ein Git-LFS-Verweis, nicht die Datei selbst</translation>
    </message>
    <message>
        <source>a web page</source>
        <translation>eine Webseite</translation>
    </message>
    <message>
        <source>a JSON text file</source>
        <translation>eine JSON-Textdatei</translation>
    </message>
    <message>
        <source>a .safetensors file, which must be converted to GGUF first</source>
        <translation>eine .safetensors-Datei, die erst in GGUF umgewandelt werden muss</translation>
    </message>
    <message>
        <source>a PyTorch checkpoint, which must be converted to GGUF first</source>
        <translation>ein PyTorch-Checkpoint, der erst in GGUF umgewandelt werden muss</translation>
    </message>
    <message>
        <source>a model in the old GGML format, which llama.cpp no longer reads</source>
        <translation>ein Modell im alten GGML-Format, das llama.cpp nicht mehr liest</translation>
    </message>
    <message>
        <source>a .gz archive</source>
        <translation>ein .gz-Archiv</translation>
    </message>
    <message>
        <source>a compressed archive</source>
        <translation>ein komprimiertes Archiv</translation>
    </message>
    <message>
        <source>a text file</source>
        <translation>eine Textdatei</translation>
    </message>
    <message>
        <source>it starts with "{start}"; {hint}?</source>
        <translation>sie beginnt mit „{start}“; {hint}?</translation>
    </message>
    <message>
        <source>it starts with "{start}"</source>
        <translation>sie beginnt mit „{start}“</translation>
    </message>
    <message>
        <source>This file is not a GGUF model file ({what}). Download the model's .gguf file instead.</source>
        <translation>Diese Datei ist keine GGUF-Modelldatei ({what}). Laden Sie stattdessen die .gguf-Datei des Modells herunter.</translation>
    </message>
    <message>
        <source>a text in its header claims to be {size} long</source>
        <translation>ein Text in ihrem Header gibt an, {size} lang zu sein</translation>
    </message>
    <message>
        <source>a list entry in its header is {size} long</source>
        <translation>ein Listeneintrag in ihrem Header ist {size} lang</translation>
    </message>
    <message>
        <source>its vocabulary lists the token "{token}" more than once</source>
        <translation>ihr Vokabular führt das Token „{token}“ mehrfach auf</translation>
    </message>
    <message>
        <source>its format version is 0</source>
        <translation>ihre Formatversion ist 0</translation>
    </message>
    <message>
        <source>This model file was made for big-endian computers and cannot be used on this computer. Download the ordinary (little-endian) .gguf file of the model instead.</source>
        <translation>Diese Modelldatei wurde für Big-Endian-Computer erstellt und kann auf diesem Computer nicht verwendet werden. Laden Sie stattdessen die gewöhnliche (Little-Endian-).gguf-Datei des Modells herunter.</translation>
    </message>
    <message>
        <source>This model file uses version 1 of the GGUF format, which is too old for this version of chatapp's engine. Download a newer conversion of the model.</source>
        <translation>Diese Modelldatei verwendet Version 1 des GGUF-Formats, die für diese Version der Engine von chatapp zu alt ist. Laden Sie eine neuere Umwandlung des Modells herunter.</translation>
    </message>
    <message>
        <source>This model file uses version {version} of the GGUF format, which is newer than this version of chatapp's engine ({engine}) can read. Update chatapp or choose another model file.</source>
        <translation>Diese Modelldatei verwendet Version {version} des GGUF-Formats, die neuer ist, als diese Version der Engine von chatapp ({engine}) lesen kann. Aktualisieren Sie chatapp oder wählen Sie eine andere Modelldatei.</translation>
    </message>
    <message>
        <source>its settings take up more than {size}</source>
        <translation>ihre Einstellungen belegen mehr als {size}</translation>
    </message>
    <message>
        <source>metadata entry {index}</source>
        <translation>Metadateneintrag {index}</translation>
    </message>
    <message>
        <source>{place} has an empty name</source>
        <translation>{place} hat einen leeren Namen</translation>
    </message>
    <message>
        <source>the name of {place} is {size} long</source>
        <translation>der Name von {place} ist {size} lang</translation>
    </message>
    <message>
        <source>the setting "{key}" appears twice</source>
        <translation>die Einstellung „{key}“ kommt zweimal vor</translation>
    </message>
    <message>
        <source>the setting "{key}"</source>
        <translation>die Einstellung „{key}“</translation>
    </message>
    <message>
        <source>{place} is a list of lists, which GGUF does not allow</source>
        <translation>{place} ist eine Liste von Listen, was GGUF nicht erlaubt</translation>
    </message>
    <message>
        <source>{place} claims {count} entries</source>
        <translation>{place} gibt {count} Einträge an</translation>
    </message>
    <message>
        <source>{place} has {count} entries, far more than any real model</source>
        <translation>{place} hat {count} Einträge, weit mehr als jedes echte Modell</translation>
    </message>
    <message>
        <source>its general.alignment setting has the wrong type</source>
        <translation>ihre Einstellung general.alignment hat den falschen Typ</translation>
    </message>
    <message>
        <source>its data alignment {alignment} is not a power of two</source>
        <translation>ihre Datenausrichtung {alignment} ist keine Zweierpotenz</translation>
    </message>
    <message>
        <source>tensor {index}</source>
        <translation>Tensor {index}</translation>
    </message>
    <message>
        <source>the name of {place} is {length} bytes long; at most {limit} are allowed</source>
        <translation>der Name von {place} ist {length} Bytes lang; höchstens {limit} sind erlaubt</translation>
    </message>
    <message>
        <source>the tensor name "{name}" contains a NUL character</source>
        <translation>der Tensorname „{name}“ enthält ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>the tensor "{name}" appears twice</source>
        <translation>der Tensor „{name}“ kommt zweimal vor</translation>
    </message>
    <message>
        <source>{place} has {count} dimensions; at most {limit} are allowed</source>
        <translation>{place} hat {count} Dimensionen; höchstens {limit} sind erlaubt</translation>
    </message>
    <message>
        <source>{place} has a negative size</source>
        <translation>{place} hat eine negative Größe</translation>
    </message>
    <message>
        <source>This model file stores {place} in an unknown format (type {type}), probably one newer than this version of chatapp's engine ({engine}). Update chatapp or choose another model file.</source>
        <translation>Diese Modelldatei speichert {place} in einem unbekannten Format (Typ {type}), wahrscheinlich einem neueren als diese Version der Engine von chatapp ({engine}) kennt. Aktualisieren Sie chatapp oder wählen Sie eine andere Modelldatei.</translation>
    </message>
    <message>
        <source>{place} has an invalid data type</source>
        <translation>{place} hat einen ungültigen Datentyp</translation>
    </message>
    <message>
        <source>This model file stores its weights in the {format} format, which llama.cpp no longer supports. Download a newer conversion of the model.</source>
        <translation>Diese Modelldatei speichert ihre Gewichte im Format {format}, das llama.cpp nicht mehr unterstützt. Laden Sie eine neuere Umwandlung des Modells herunter.</translation>
    </message>
    <message>
        <source>{place} does not fit its {format} format</source>
        <translation>{place} passt nicht zu seinem Format {format}</translation>
    </message>
    <message>
        <source>the data of {place} is not aligned</source>
        <translation>die Daten von {place} sind nicht ausgerichtet</translation>
    </message>
    <message>
        <source>the data of {place} overlaps the tensor before it</source>
        <translation>die Daten von {place} überlappen den vorherigen Tensor</translation>
    </message>
    <message>
        <source>there is a gap before the data of {place}</source>
        <translation>vor den Daten von {place} ist eine Lücke</translation>
    </message>
    <message>
        <source>its tensors are impossibly large</source>
        <translation>ihre Tensoren sind unmöglich groß</translation>
    </message>
    <message>
        <source>its setting "{key}" has the wrong type</source>
        <translation>ihre Einstellung „{key}“ hat den falschen Typ</translation>
    </message>
    <message>
        <source>the required setting "{key}" is missing</source>
        <translation>die erforderliche Einstellung „{key}“ fehlt</translation>
    </message>
    <message>
        <source>its setting "{key}" has {count} entries for {layers} layers</source>
        <translation>ihre Einstellung „{key}“ hat {count} Einträge für {layers} Schichten</translation>
    </message>
    <message>
        <source>its setting "{key}" has a negative entry</source>
        <translation>ihre Einstellung „{key}“ hat einen negativen Eintrag</translation>
    </message>
    <message>
        <source>it says the model has fewer tensors than this part contains</source>
        <translation>sie gibt weniger Tensoren für das Modell an, als dieser Teil enthält</translation>
    </message>
    <message>
        <source>it calls itself part {part} of {count}</source>
        <translation>sie nennt sich Teil {part} von {count}</translation>
    </message>
    <message>
        <source>it says the model has {count} layers</source>
        <translation>sie gibt für das Modell {count} Schichten an</translation>
    </message>
    <message>
        <source>its layer counts contradict each other</source>
        <translation>ihre Schichtanzahlen widersprechen sich</translation>
    </message>
    <message>
        <source>it has a tensor "{name}" for a layer beyond its {count} layers</source>
        <translation>sie hat einen Tensor „{name}“ für eine Schicht jenseits ihrer {count} Schichten</translation>
    </message>
    <message>
        <source>its mixture-of-experts settings contradict each other</source>
        <translation>ihre Mixture-of-Experts-Einstellungen widersprechen sich</translation>
    </message>
    <message>
        <source>its RoPE scaling type "{type}" is unknown</source>
        <translation>ihr RoPE-Skalierungstyp „{type}“ ist unbekannt</translation>
    </message>
    <message>
        <source>its pooling type {type} is unknown</source>
        <translation>ihr Pooling-Typ {type} ist unbekannt</translation>
    </message>
    <message>
        <source>its setting "{key}" has fewer entries than the vocabulary</source>
        <translation>ihre Einstellung „{key}“ hat weniger Einträge als das Vokabular</translation>
    </message>
    <message>
        <source>its header claims {count} metadata entries</source>
        <translation>ihr Header gibt {count} Metadateneinträge an</translation>
    </message>
    <message>
        <source>its header claims {count} tensors</source>
        <translation>ihr Header gibt {count} Tensoren an</translation>
    </message>
    <message>
        <source>This file is part {part} of {count} of a model that is split into several files. Open the first part (its name ends in "{ending}") instead, with all parts in the same folder.</source>
        <translation>Diese Datei ist Teil {part} von {count} eines auf mehrere Dateien aufgeteilten Modells. Öffnen Sie stattdessen den ersten Teil (sein Name endet auf „{ending}“), mit allen Teilen im selben Ordner.</translation>
    </message>
    <message>
        <source>This GGUF file does not say what kind of model it is, so it cannot be run. Choose another model file.</source>
        <translation>Diese GGUF-Datei gibt nicht an, welche Art Modell sie ist, daher kann sie nicht ausgeführt werden. Wählen Sie eine andere Modelldatei.</translation>
    </message>
    <message>
        <source>This file is a vision add-on (a multimodal projector, often named mmproj-…), not a chat model on its own. Download the model's main .gguf file instead.</source>
        <translation>Diese Datei ist eine Bilderweiterung (ein multimodaler Projektor, oft mmproj-… genannt), kein eigenständiges Chat-Modell. Laden Sie stattdessen die .gguf-Hauptdatei des Modells herunter.</translation>
    </message>
    <message>
        <source>This model uses the "{architecture}" architecture, which this version of chatapp's engine ({engine}) cannot run. Update chatapp or choose another model.</source>
        <translation>Dieses Modell verwendet die Architektur „{architecture}“, die diese Version der Engine von chatapp ({engine}) nicht ausführen kann. Aktualisieren Sie chatapp oder wählen Sie ein anderes Modell.</translation>
    </message>
    <message>
        <source>it contains no model weights</source>
        <translation>sie enthält keine Modellgewichte</translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>That chat no longer exists.</source>
        <translation>Diesen Chat gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>That message no longer exists.</source>
        <translation>Diese Nachricht gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>That reply no longer exists.</source>
        <translation>Diese Antwort gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The history file {path} is damaged or is not a chatapp history. chatapp has left it as it is; move it aside to start a new history.</source>
        <translation>Die Verlaufsdatei {path} ist beschädigt oder kein chatapp-Verlauf. chatapp hat sie unverändert gelassen; verschieben Sie sie, um einen neuen Verlauf zu beginnen.</translation>
    </message>
    <message>
        <source>The chat history is busy (another chatapp window may be saving). Try again.</source>
        <translation>Der Chatverlauf ist belegt (vielleicht speichert gerade ein anderes chatapp-Fenster). Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The disk is full, so the chat history could not be saved.</source>
        <translation>Der Datenträger ist voll, daher konnte der Chatverlauf nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The history file {path} could not be read or written ({error}).</source>
        <translation>Die Verlaufsdatei {path} konnte nicht gelesen oder geschrieben werden ({error}).</translation>
    </message>
    <message>
        <source>The chat history could not be read or saved ({error}).</source>
        <translation>Der Chatverlauf konnte nicht gelesen oder gespeichert werden ({error}).</translation>
    </message>
    <message>
        <source>A chat title cannot be empty.</source>
        <translation>Ein Chattitel darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Unknown message role {role}.</source>
        <translation>Unbekannte Nachrichtenrolle {role}.</translation>
    </message>
    <message>
        <source>Message state {state} is not allowed here.</source>
        <translation>Der Nachrichtenstatus {state} ist hier nicht erlaubt.</translation>
    </message>
    <message>
        <source>{value} is not an attachment's hash.</source>
        <translation>{value} ist kein Hash eines Anhangs.</translation>
    </message>
    <message>
        <source>Unknown attachment use {usage}.</source>
        <translation>Unbekannte Verwendung eines Anhangs {usage}.</translation>
    </message>
    <message>
        <source>Citations are numbered 1, 2, 3 ... each once.</source>
        <translation>Quellenangaben werden 1, 2, 3 … nummeriert, jede Nummer einmal.</translation>
    </message>
    <message>
        <source>An attachment's size cannot be negative.</source>
        <translation>Die Größe eines Anhangs kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>Unknown citation source {source}.</source>
        <translation>Unbekannte Quelle einer Quellenangabe {source}.</translation>
    </message>
    <message>
        <source>This history was written by a newer version of chatapp (history format {version}; this version reads up to {latest}). Update chatapp to open it. The file was not changed: {path}</source>
        <translation>Dieser Verlauf wurde von einer neueren chatapp-Version geschrieben (Verlaufsformat {version}; diese Version liest bis {latest}). Aktualisieren Sie chatapp, um ihn zu öffnen. Die Datei wurde nicht verändert: {path}</translation>
    </message>
    <message>
        <source>The history file {path} could not be created ({error}).</source>
        <translation>Die Verlaufsdatei {path} konnte nicht angelegt werden ({error}).</translation>
    </message>
    <message>
        <source>The file {path} is an SQLite database, but not a chatapp history. chatapp has left it as it is; move it aside to start a new history.</source>
        <translation>Die Datei {path} ist eine SQLite-Datenbank, aber kein chatapp-Verlauf. chatapp hat sie unverändert gelassen; verschieben Sie sie, um einen neuen Verlauf zu beginnen.</translation>
    </message>
    <message>
        <source>The history file {path} could not be upgraded ({error}).</source>
        <translation>Die Verlaufsdatei {path} konnte nicht aktualisiert werden ({error}).</translation>
    </message>
    <message>
        <source>The chat history is closed.</source>
        <translation>Der Chatverlauf ist geschlossen.</translation>
    </message>
    <message>
        <source>That reply is no longer being written (it is {state}).</source>
        <translation>Diese Antwort wird nicht mehr geschrieben (Status: {state}).</translation>
    </message>
    <message>
        <source>The message this one follows no longer exists.</source>
        <translation>Die Nachricht, auf die diese folgt, gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Only the last reply can be continued.</source>
        <translation>Nur die letzte Antwort kann fortgesetzt werden.</translation>
    </message>
    <message>
        <source>That reply is still being written.</source>
        <translation>Diese Antwort wird noch geschrieben.</translation>
    </message>
    <message>
        <source>A backup cannot replace the history it is made from.</source>
        <translation>Eine Sicherung kann nicht den Verlauf ersetzen, aus dem sie erstellt wird.</translation>
    </message>
    <message>
        <source>{target} is open in another program (its {suffix} file exists); choose another backup file.</source>
        <translation>{target} ist in einem anderen Programm geöffnet (seine {suffix}-Datei existiert); wählen Sie eine andere Sicherungsdatei.</translation>
    </message>
    <message>
        <source>The backup {target} could not be written ({error}).</source>
        <translation>Die Sicherung {target} konnte nicht geschrieben werden ({error}).</translation>
    </message>
    <message>
        <source>Every imported chat needs its documents, or none does.</source>
        <translation>Entweder braucht jeder importierte Chat seine Dokumente oder keiner.</translation>
    </message>
    <message>
        <source>Message {id} appears twice in an imported chat.</source>
        <translation>Nachricht {id} kommt in einem importierten Chat zweimal vor.</translation>
    </message>
    <message>
        <source>Message {id} of an imported chat follows a message that does not come before it.</source>
        <translation>Nachricht {id} eines importierten Chats folgt auf eine Nachricht, die nicht vor ihr steht.</translation>
    </message>
    <message>
        <source>An imported chat shows a message it does not have.</source>
        <translation>Ein importierter Chat zeigt eine Nachricht, die er nicht enthält.</translation>
    </message>
</context>
<context>
    <name>HubClient</name>
    <message>
        <source>{host} does not answer like the Hugging Face hub (the version, checksum or size of a file is missing). Check the hub address and any proxy in between.</source>
        <translation>{host} antwortet nicht wie der Hugging-Face-Hub (Version, Prüfsumme oder Größe einer Datei fehlen). Prüfen Sie die Hub-Adresse und einen eventuell dazwischenliegenden Proxy.</translation>
    </message>
</context>
<context>
    <name>HubErrors</name>
    <message>
        <source>This download needs {needed} of free space (and a little more to spare), but only {free} is free on {where}. Free some space, then try again.</source>
        <translation>Dieser Download braucht {needed} freien Speicherplatz (und etwas Reserve), aber auf {where} sind nur {free} frei. Geben Sie Speicherplatz frei und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>This download needs {needed} of free space, but only {free} is free on {where}. Free some space, then try again.</source>
        <translation>Dieser Download braucht {needed} freien Speicherplatz, aber auf {where} sind nur {free} frei. Geben Sie Speicherplatz frei und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The disk {where} is full, so the download stopped. Free some space, then try again (what was already downloaded is kept), or dismiss it to delete the partial file.</source>
        <translation>Der Datenträger {where} ist voll, daher wurde der Download angehalten. Geben Sie Speicherplatz frei und versuchen Sie es dann erneut (das bereits Heruntergeladene bleibt erhalten), oder verwerfen Sie ihn, um die unvollständige Datei zu löschen.</translation>
    </message>
    <message>
        <source>{filename} was downloaded completely, but its checksum does not match the one published by {source}, so it was deleted and not installed. The file on the server may be damaged or was replaced; try again later or choose another file.</source>
        <translation>{filename} wurde vollständig heruntergeladen, aber ihre Prüfsumme stimmt nicht mit der von {source} veröffentlichten überein, daher wurde sie gelöscht und nicht installiert. Die Datei auf dem Server ist vielleicht beschädigt oder wurde ersetzt; versuchen Sie es später erneut oder wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>The connection to {host} kept dropping, so the download stopped. What was already downloaded is kept: try again when your connection is back.</source>
        <translation>Die Verbindung zu {host} brach immer wieder ab, daher wurde der Download angehalten. Das bereits Heruntergeladene bleibt erhalten: Versuchen Sie es erneut, wenn Ihre Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>The connection to {host} broke before its answer arrived. Check your internet connection and try again.</source>
        <translation>Die Verbindung zu {host} brach ab, bevor die Antwort ankam. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>{host} stopped sending the file: nothing arrived for {duration}, so the download stopped. What was already downloaded is kept: Try again continues from there.</source>
        <translation>{host} hat aufgehört, die Datei zu senden: {duration} lang kam nichts an, daher wurde der Download angehalten. Das bereits Heruntergeladene bleibt erhalten: „Erneut versuchen“ setzt dort fort.</translation>
    </message>
    <message>
        <source>If your network uses its own certificate authority, set the SSL_CERT_FILE environment variable to a file with its certificate and restart chatapp.</source>
        <translation>Wenn Ihr Netzwerk eine eigene Zertifizierungsstelle verwendet, setzen Sie die Umgebungsvariable SSL_CERT_FILE auf eine Datei mit deren Zertifikat und starten Sie chatapp neu.</translation>
    </message>
    <message>
        <source>this repository</source>
        <translation>dieses Repository</translation>
    </message>
    <message>
        <source>Downloads are switched off on this computer (the HF_HUB_OFFLINE environment variable is set). Unset it and restart chatapp to use the model hub.</source>
        <translation>Downloads sind auf diesem Computer ausgeschaltet (die Umgebungsvariable HF_HUB_OFFLINE ist gesetzt). Entfernen Sie sie und starten Sie chatapp neu, um den Modell-Hub zu nutzen.</translation>
    </message>
    <message>
        <source>{host} does not answer like the Hugging Face hub (a file's version information is missing). Check the hub address and any proxy in between.</source>
        <translation>{host} antwortet nicht wie der Hugging-Face-Hub (die Versionsangabe einer Datei fehlt). Prüfen Sie die Hub-Adresse und einen eventuell dazwischenliegenden Proxy.</translation>
    </message>
    <message>
        <source>"{repo}" is not a valid repository name (it looks like "owner/model-name").</source>
        <translation>„{repo}“ ist kein gültiger Repository-Name (er sieht aus wie „besitzer/modellname“).</translation>
    </message>
    <message>
        <source>{repo} is gated and your access token's account has no access to it yet. Open {page} while signed in with that account, accept its terms (or wait until your access request is approved), then try again.</source>
        <translation>{repo} ist zugangsbeschränkt, und das Konto Ihres Zugriffstokens hat noch keinen Zugang. Öffnen Sie {page}, während Sie mit diesem Konto angemeldet sind, akzeptieren Sie die Bedingungen (oder warten Sie, bis Ihre Zugangsanfrage genehmigt ist) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>{repo} is gated: accept its terms on {page} and add a Hugging Face access token of that account in Settings, then try again.</source>
        <translation>{repo} ist zugangsbeschränkt: Akzeptieren Sie die Bedingungen auf {page} und fügen Sie in den Einstellungen ein Hugging-Face-Zugriffstoken dieses Kontos hinzu; versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>This version of {repo} no longer exists on the hub. Open the repository again to see its current files.</source>
        <translation>Diese Version von {repo} existiert auf dem Hub nicht mehr. Öffnen Sie das Repository erneut, um seine aktuellen Dateien zu sehen.</translation>
    </message>
    <message>
        <source>{filename} is no longer in {repo} (it was renamed or removed). Open the repository again to see its current files.</source>
        <translation>{filename} ist nicht mehr in {repo} (sie wurde umbenannt oder entfernt). Öffnen Sie das Repository erneut, um seine aktuellen Dateien zu sehen.</translation>
    </message>
    <message>
        <source>The file is no longer in {repo} (it was renamed or removed). Open the repository again to see its current files.</source>
        <translation>Die Datei ist nicht mehr in {repo} (sie wurde umbenannt oder entfernt). Öffnen Sie das Repository erneut, um seine aktuellen Dateien zu sehen.</translation>
    </message>
    <message>
        <source>There is no model repository named {repo} on the hub, or it is private.</source>
        <translation>Auf dem Hub gibt es kein Modell-Repository namens {repo}, oder es ist privat.</translation>
    </message>
    <message>
        <source>The hub rejected your access token (it may be mistyped, expired or revoked). Check it in Settings, or remove it to download public models.</source>
        <translation>Der Hub hat Ihr Zugriffstoken abgelehnt (es ist vielleicht falsch eingegeben, abgelaufen oder widerrufen). Prüfen Sie es in den Einstellungen oder entfernen Sie es, um öffentliche Modelle herunterzuladen.</translation>
    </message>
    <message>
        <source>The hub refused access to {repo} ({status}). If it is private or gated, add an access token of an account that may read it.</source>
        <translation>Der Hub hat den Zugriff auf {repo} verweigert ({status}). Wenn es privat oder zugangsbeschränkt ist, fügen Sie ein Zugriffstoken eines Kontos hinzu, das es lesen darf.</translation>
    </message>
    <message>
        <source>{host} is limiting requests from this computer right now. Wait a few minutes, then try again.</source>
        <translation>{host} begrenzt gerade die Anfragen von diesem Computer. Warten Sie einige Minuten und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>{host} is limiting requests from this computer right now. Wait about {duration}, then try again.</source>
        <translation>{host} begrenzt gerade die Anfragen von diesem Computer. Warten Sie etwa {duration} und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>{host} is having problems (error {status}). Try again later.</source>
        <translation>{host} hat Probleme (Fehler {status}). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>{host} answered with an error ({status}). Try again later.</source>
        <translation>{host} hat mit einem Fehler geantwortet ({status}). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The connection to {host} is not secure: its certificate could not be verified ({problem}). chatapp does not download over a connection it cannot verify. {hint}</source>
        <translation>Die Verbindung zu {host} ist nicht sicher: Ihr Zertifikat konnte nicht überprüft werden ({problem}). chatapp lädt nicht über eine Verbindung herunter, die es nicht überprüfen kann. {hint}</translation>
    </message>
    <message>
        <source>{host} did not answer in time. Check your internet connection and try again.</source>
        <translation>{host} hat nicht rechtzeitig geantwortet. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot reach {host}. Check your internet connection and try again.</source>
        <translation>{host} ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>where the models are kept</source>
        <translation>dem Ort, an dem die Modelle liegen</translation>
    </message>
    <message>
        <source>A file could not be read or written ({filename}): {reason}.</source>
        <translation>Eine Datei konnte nicht gelesen oder geschrieben werden ({filename}): {reason}.</translation>
    </message>
    <message>
        <source>A file could not be read or written: {reason}.</source>
        <translation>Eine Datei konnte nicht gelesen oder geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>Something went wrong while talking to {host}: {error}</source>
        <translation>Bei der Verbindung mit {host} ist etwas schiefgegangen: {error}</translation>
    </message>
    <message>
        <source>{host} sent an answer chatapp does not understand. Try again later.</source>
        <translation>{host} hat eine Antwort gesendet, die chatapp nicht versteht. Versuchen Sie es später erneut.</translation>
    </message>
</context>
<context>
    <name>IndexThread</name>
    <message>
        <source>{reason} Local documents are searched by their words alone until another embedding model is chosen.</source>
        <translation>{reason} Lokale Dokumente werden nur nach ihren Wörtern durchsucht, bis ein anderes Embedding-Modell gewählt wird.</translation>
    </message>
</context>
<context>
    <name>InlineEditor</name>
    <message>
        <source>Edit message</source>
        <translation>Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>Enter saves, Shift+Enter starts a new line, Esc cancels</source>
        <translation>Eingabe speichert, Umschalt+Eingabe beginnt eine neue Zeile, Esc bricht ab</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Keep the message as it was (Esc)</source>
        <translation>Die Nachricht unverändert lassen (Esc)</translation>
    </message>
</context>
<context>
    <name>InstalledTab</name>
    <message>
        <source>(custom template)</source>
        <translation>(eigene Vorlage)</translation>
    </message>
    <message>
        <source>(embedding model, for Local documents)</source>
        <translation>(Embedding-Modell, für Lokale Dokumente)</translation>
    </message>
    <message>
        <source>(loaded)</source>
        <translation>(geladen)</translation>
    </message>
    <message>
        <source>An embedding model: Local documents uses it. It cannot be loaded for chat.</source>
        <translation>Ein Embedding-Modell: Lokale Dokumente verwendet es. Es kann nicht zum Chatten geladen werden.</translation>
    </message>
    <message>
        <source>Import model</source>
        <translation>Modell importieren</translation>
    </message>
    <message>
        <source>Use {file} where it is, or copy it into chatapp's models folder?</source>
        <translation>{file} am jetzigen Ort verwenden oder in den Modellordner von chatapp kopieren?</translation>
    </message>
    <message>
        <source>Using it in place saves disk space; a copy keeps working if the original is moved or deleted.</source>
        <translation>Die Verwendung am jetzigen Ort spart Speicherplatz; eine Kopie funktioniert weiter, wenn das Original verschoben oder gelöscht wird.</translation>
    </message>
    <message>
        <source>Use it where it is</source>
        <translation>Am jetzigen Ort verwenden</translation>
    </message>
    <message>
        <source>Copy it</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Installed models summary</source>
        <translation>Übersicht der installierten Modelle</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>Installierte Modelle</translation>
    </message>
    <message>
        <source>One row per model file on this computer: its size, architecture, quantization, context, whether it fits, its speed here and where it is; a double click loads it, as Load does</source>
        <translation>Eine Zeile pro Modelldatei auf diesem Computer: Größe, Architektur, Quantisierung, Kontext, ob sie passt, Tempo hier und Ort; ein Doppelklick lädt sie, wie „Laden“</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Loads the selected model for chat</source>
        <translation>Lädt das ausgewählte Modell zum Chatten</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Deletes the selected model, after asking</source>
        <translation>Löscht das ausgewählte Modell nach einer Rückfrage</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner anzeigen</translation>
    </message>
    <message>
        <source>Opens the folder that holds the selected model's file</source>
        <translation>Öffnet den Ordner mit der Datei des ausgewählten Modells</translation>
    </message>
    <message>
        <source>Chat template…</source>
        <translation>Chatvorlage…</translation>
    </message>
    <message>
        <source>View and edit the chat template this model's conversations are written in</source>
        <translation>Die Chatvorlage ansehen und bearbeiten, in der die Unterhaltungen dieses Modells geschrieben werden</translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation>GGUF-Datei importieren…</translation>
    </message>
    <message>
        <source>Adds a GGUF model file from elsewhere on this computer</source>
        <translation>Fügt eine GGUF-Modelldatei von einem anderen Ort auf diesem Computer hinzu</translation>
    </message>
    <message>
        <source>Installed models status</source>
        <translation>Status der installierten Modelle</translation>
    </message>
    <message>
        <source>models folder</source>
        <translation>Modellordner</translation>
    </message>
    <message numerus="yes">
        <source>%n models, {size}, in {folder}</source>
        <translation>
            <numerusform>%Ln Modell, {size}, in {folder}</numerusform>
            <numerusform>%Ln Modelle, {size}, in {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>No models yet: download one from Recommended or Search, or import a GGUF file you already have.</source>
        <translation>Noch keine Modelle: Laden Sie eines unter „Empfohlen“ oder „Hub durchsuchen“ herunter oder importieren Sie eine GGUF-Datei, die Sie schon haben.</translation>
    </message>
    <message>
        <source>This model is loaded: load another one before deleting it.</source>
        <translation>Dieses Modell ist geladen: Laden Sie ein anderes, bevor Sie es löschen.</translation>
    </message>
    <message>
        <source>Delete {file} ({size}) from this computer? You can download it again later.</source>
        <translation>{file} ({size}) von diesem Computer löschen? Sie können es später erneut herunterladen.</translation>
    </message>
    <message>
        <source>Remove {file} from chatapp's list? The file itself stays in {folder}.</source>
        <translation>{file} aus der Liste von chatapp entfernen? Die Datei selbst bleibt in {folder}.</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>Modell löschen</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Gelöscht.</translation>
    </message>
    <message>
        <source>Removed from the list.</source>
        <translation>Aus der Liste entfernt.</translation>
    </message>
    <message>
        <source>Saved your chat template for {file}.</source>
        <translation>Ihre Chatvorlage für {file} wurde gespeichert.</translation>
    </message>
    <message>
        <source>{file} uses its own chat template again.</source>
        <translation>{file} verwendet wieder seine eigene Chatvorlage.</translation>
    </message>
    <message>
        <source>Import a GGUF model file</source>
        <translation>GGUF-Modelldatei importieren</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF-Modelle (*.gguf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Copying {file}…</source>
        <translation>{file} wird kopiert…</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>{file} wird geprüft…</translation>
    </message>
    <message>
        <source>Imported {file}.</source>
        <translation>{file} wurde importiert.</translation>
    </message>
</context>
<context>
    <name>Keyring</name>
    <message>
        <source>the API key of {host}</source>
        <translation>den API-Schlüssel von {host}</translation>
    </message>
    <message>
        <source>Servers that need no API key work without one.</source>
        <translation>Server, die keinen API-Schlüssel brauchen, funktionieren ohne.</translation>
    </message>
    <message>
        <source>the API server's key</source>
        <translation>den Schlüssel des API-Servers</translation>
    </message>
    <message>
        <source>The API server can still run without a key, for programs on this computer only.</source>
        <translation>Der API-Server kann auch ohne Schlüssel laufen, dann nur für Programme auf diesem Computer.</translation>
    </message>
    <message>
        <source>An API key must be {least} to {most} letters, digits and signs, with no spaces.</source>
        <translation>Ein API-Schlüssel muss aus {least} bis {most} Buchstaben, Ziffern und Zeichen ohne Leerzeichen bestehen.</translation>
    </message>
    <message>
        <source>The app works without a token; only gated models need one.</source>
        <translation>Die App funktioniert ohne Token; nur zugangsbeschränkte Modelle benötigen eines.</translation>
    </message>
    <message>
        <source>the Hugging Face token</source>
        <translation>das Hugging-Face-Token</translation>
    </message>
    <message>
        <source>That is not a Hugging Face access token: a token starts with "hf_" followed by letters and digits, with no spaces. Copy it again from huggingface.co, Settings, Access Tokens.</source>
        <translation>Das ist kein Hugging-Face-Zugriffstoken: Ein Token beginnt mit „hf_“, gefolgt von Buchstaben und Ziffern, ohne Leerzeichen. Kopieren Sie es erneut von huggingface.co, Settings, Access Tokens.</translation>
    </message>
    <message>
        <source>The keyring did not answer within {seconds} seconds. It may be waiting for an unlock prompt that cannot be shown. Unlock your keyring (for example in "Passwords and Keys"), or log out and in again, then try again.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von {seconds} Sekunden geantwortet. Vielleicht wartet er auf eine Entsperrabfrage, die nicht angezeigt werden kann. Entsperren Sie Ihren Schlüsselbund (zum Beispiel in „Passwörter und Verschlüsselung“) oder melden Sie sich ab und wieder an und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The keyring chatapp is set to use ({keyring}) would {reason}, so {what} is not stored there. Remove the PYTHON_KEYRING_BACKEND setting or keyringrc.cfg file that selects it, and use GNOME Keyring, KWallet, the macOS Keychain or Windows Credential Manager.</source>
        <translation>Der Schlüsselbund, den chatapp verwenden soll ({keyring}), würde {reason}, daher speichert chatapp {what} dort nicht. Entfernen Sie die Einstellung PYTHON_KEYRING_BACKEND oder die Datei keyringrc.cfg, die ihn auswählt, und verwenden Sie GNOME Keyring, KWallet, den macOS-Schlüsselbund oder die Windows-Anmeldeinformationsverwaltung.</translation>
    </message>
    <message>
        <source>silently store nothing</source>
        <translation>stillschweigend nichts speichern</translation>
    </message>
    <message>
        <source>store nothing</source>
        <translation>nichts speichern</translation>
    </message>
    <message>
        <source>keep it in a file or registry entry without proper protection</source>
        <translation>es ohne ausreichenden Schutz in einer Datei oder einem Registrierungseintrag ablegen</translation>
    </message>
    <message>
        <source>the Secret Service (GNOME Keyring or KWallet)</source>
        <translation>den Secret Service (GNOME Keyring oder KWallet)</translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation>den macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>Your keyring is locked, so chatapp cannot use {what}. Unlock it (for example: open "Passwords and Keys" and unlock the Login keyring, or log out and in again), then try again.</source>
        <translation>Ihr Schlüsselbund ist gesperrt, daher kann chatapp {what} nicht verwenden. Entsperren Sie ihn (zum Beispiel: Öffnen Sie „Passwörter und Verschlüsselung“ und entsperren Sie den Anmelde-Schlüsselbund, oder melden Sie sich ab und wieder an) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The keyring could not read {what}.</source>
        <translation>Der Schlüsselbund konnte {what} nicht lesen.</translation>
    </message>
    <message>
        <source>The keyring could not store {what}.</source>
        <translation>Der Schlüsselbund konnte {what} nicht speichern.</translation>
    </message>
    <message>
        <source>The keyring could not delete {what}.</source>
        <translation>Der Schlüsselbund konnte {what} nicht löschen.</translation>
    </message>
    <message>
        <source>The keyring could not reach {what}.</source>
        <translation>Der Schlüsselbund konnte {what} nicht erreichen.</translation>
    </message>
    <message>
        <source>Check that your keyring (GNOME Keyring, KWallet, the macOS Keychain or Windows Credential Manager) is running and unlocked, then try again.</source>
        <translation>Prüfen Sie, ob Ihr Schlüsselbund (GNOME Keyring, KWallet, der macOS-Schlüsselbund oder die Windows-Anmeldeinformationsverwaltung) läuft und entsperrt ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The macOS Keychain cannot be used, so chatapp cannot store {what}. Make sure you are logged in to a normal desktop session, then restart chatapp.</source>
        <translation>Der macOS-Schlüsselbund kann nicht verwendet werden, daher kann chatapp {what} nicht speichern. Stellen Sie sicher, dass Sie in einer normalen Desktop-Sitzung angemeldet sind, und starten Sie chatapp dann neu.</translation>
    </message>
    <message>
        <source>Windows Credential Manager cannot be used, so chatapp cannot store {what}. Make sure you are logged in to a normal desktop session, then restart chatapp.</source>
        <translation>Die Windows-Anmeldeinformationsverwaltung kann nicht verwendet werden, daher kann chatapp {what} nicht speichern. Stellen Sie sicher, dass Sie in einer normalen Desktop-Sitzung angemeldet sind, und starten Sie chatapp dann neu.</translation>
    </message>
    <message>
        <source>The keyring service started after chatapp, or chatapp is set to use no keyring. Restart chatapp; if this message stays, remove any PYTHON_KEYRING_BACKEND setting.</source>
        <translation>Der Schlüsselbund-Dienst wurde nach chatapp gestartet, oder chatapp ist so eingestellt, dass kein Schlüsselbund verwendet wird. Starten Sie chatapp neu; wenn diese Meldung bleibt, entfernen Sie jede Einstellung PYTHON_KEYRING_BACKEND.</translation>
    </message>
    <message>
        <source>No keyring service is running, so chatapp cannot store {what} safely. Install and unlock GNOME Keyring or KWallet (on Debian or Ubuntu: sudo apt install gnome-keyring), then restart chatapp.</source>
        <translation>Es läuft kein Schlüsselbund-Dienst, daher kann chatapp {what} nicht sicher speichern. Installieren und entsperren Sie GNOME Keyring oder KWallet (unter Debian oder Ubuntu: sudo apt install gnome-keyring) und starten Sie chatapp dann neu.</translation>
    </message>
    <message>
        <source>The desktop's message bus (D-Bus) is not running for chatapp, so no keyring can be reached to store {what}. Start chatapp from your desktop session (or under dbus-run-session) with GNOME Keyring or KWallet running and unlocked.</source>
        <translation>Der Nachrichtenbus der Arbeitsumgebung (D-Bus) läuft für chatapp nicht, daher ist kein Schlüsselbund erreichbar, um {what} zu speichern. Starten Sie chatapp aus Ihrer Desktop-Sitzung (oder unter dbus-run-session), während GNOME Keyring oder KWallet läuft und entsperrt ist.</translation>
    </message>
</context>
<context>
    <name>LocalDocumentsPane</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Passagen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Local documents</source>
        <translation>Lokale Dokumente</translation>
    </message>
    <message>
        <source>Folders of your own files that chats can search. Choose which collections a chat uses in its Chat settings. The index stays on this computer.</source>
        <translation>Ordner mit Ihren eigenen Dateien, die Chats durchsuchen können. Welche Sammlungen ein Chat nutzt, wählen Sie in seinen Chat-Einstellungen. Der Index bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>Search by meaning with</source>
        <translation>Nach Bedeutung suchen mit</translation>
    </message>
    <message>
        <source>Embedding model</source>
        <translation>Embedding-Modell</translation>
    </message>
    <message>
        <source>The model that finds passages by their meaning, or words only</source>
        <translation>Das Modell, das Passagen nach ihrer Bedeutung findet, oder nur Wörter</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>Modelle…</translation>
    </message>
    <message>
        <source>Find and download an embedding model</source>
        <translation>Ein Embedding-Modell suchen und herunterladen</translation>
    </message>
    <message>
        <source>About the embedding model</source>
        <translation>Über das Embedding-Modell</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <source>Each collection with its folders, files, passages and state; the chosen one's files are listed below</source>
        <translation>Jede Sammlung mit ihren Ordnern, Dateien, Passagen und ihrem Zustand; die Dateien der gewählten stehen darunter</translation>
    </message>
    <message>
        <source>Add collection…</source>
        <translation>Sammlung hinzufügen…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Adds a folder to the chosen collection</source>
        <translation>Fügt der gewählten Sammlung einen Ordner hinzu</translation>
    </message>
    <message>
        <source>Remove folder…</source>
        <translation>Ordner entfernen…</translation>
    </message>
    <message>
        <source>Leaves a folder out of the chosen collection; its files are not touched</source>
        <translation>Nimmt einen Ordner aus der gewählten Sammlung; seine Dateien bleiben unberührt</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Renames the chosen collection</source>
        <translation>Benennt die gewählte Sammlung um</translation>
    </message>
    <message>
        <source>Index again</source>
        <translation>Neu indizieren</translation>
    </message>
    <message>
        <source>Look for new, changed and deleted files now</source>
        <translation>Jetzt nach neuen, geänderten und gelöschten Dateien suchen</translation>
    </message>
    <message>
        <source>Remove collection…</source>
        <translation>Sammlung entfernen…</translation>
    </message>
    <message>
        <source>Removes the chosen collection and its index, after asking; your files are not touched</source>
        <translation>Entfernt die gewählte Sammlung und ihren Index nach einer Rückfrage; Ihre Dateien bleiben unberührt</translation>
    </message>
    <message>
        <source>Indexing</source>
        <translation>Indizierung</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Fortschritt der Indizierung</translation>
    </message>
    <message>
        <source>Files of the chosen collection</source>
        <translation>Dateien der gewählten Sammlung</translation>
    </message>
    <message>
        <source>Each file's status and passages; a file that could not be read says why</source>
        <translation>Status und Passagen jeder Datei; bei einer unlesbaren Datei steht der Grund dabei</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Words only (no embedding model)</source>
        <translation>Nur Wörter (kein Embedding-Modell)</translation>
    </message>
    <message>
        <source>(no folder)</source>
        <translation>(kein Ordner)</translation>
    </message>
    <message>
        <source>Reading the list of files…</source>
        <translation>Dateiliste wird gelesen…</translation>
    </message>
    <message>
        <source>Add a folder to the collection</source>
        <translation>Ordner zur Sammlung hinzufügen</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>Ordner entfernen</translation>
    </message>
    <message>
        <source>Stop indexing {folder}? Its files leave the collection's index; the files themselves are not touched.</source>
        <translation>Indizierung von {folder} beenden? Seine Dateien verlassen den Index der Sammlung; die Dateien selbst bleiben unberührt.</translation>
    </message>
    <message>
        <source>Folder to leave out of the collection:</source>
        <translation>Ordner, der aus der Sammlung genommen wird:</translation>
    </message>
    <message>
        <source>Rename collection</source>
        <translation>Sammlung umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Remove collection</source>
        <translation>Sammlung entfernen</translation>
    </message>
    <message>
        <source>Remove the collection “{name}” and its index ({files}, {passages})? Your files are not touched; chats stop using it.</source>
        <translation>Die Sammlung „{name}“ und ihren Index ({files}, {passages}) entfernen? Ihre Dateien bleiben unberührt; Chats verwenden sie nicht mehr.</translation>
    </message>
    <message numerus="yes">
        <source>{files}, %n could not be read (listed first, with why)</source>
        <translation>
            <numerusform>{files}, %Ln nicht lesbar (zuerst aufgeführt, mit Grund)</numerusform>
            <numerusform>{files}, %Ln nicht lesbar (zuerst aufgeführt, mit Grund)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{summary}; the first %n are shown</source>
        <translation>
            <numerusform>{summary}; die erste wird angezeigt</numerusform>
            <numerusform>{summary}; die ersten %Ln werden angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>the collection</source>
        <translation>die Sammlung</translation>
    </message>
    <message>
        <source>Indexing is paused.</source>
        <translation>Die Indizierung ist angehalten.</translation>
    </message>
    <message>
        <source>Nothing to index right now.</source>
        <translation>Gerade gibt es nichts zu indizieren.</translation>
    </message>
    <message>
        <source>{name}: stopped</source>
        <translation>{name}: angehalten</translation>
    </message>
    <message>
        <source>{name}: up to date</source>
        <translation>{name}: aktuell</translation>
    </message>
    <message>
        <source>1 file read</source>
        <translation>1 Datei gelesen</translation>
    </message>
    <message numerus="yes">
        <source>%n files read</source>
        <translation>
            <numerusform>%Ln Datei gelesen</numerusform>
            <numerusform>%Ln Dateien gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>no file changed</source>
        <translation>keine Datei geändert</translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%Ln nicht lesbar</numerusform>
            <numerusform>%Ln nicht lesbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gone</source>
        <translation>
            <numerusform>%Ln verschwunden</numerusform>
            <numerusform>%Ln verschwunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed while read (read again later)</source>
        <translation>
            <numerusform>%Ln beim Lesen geändert (wird später erneut gelesen)</numerusform>
            <numerusform>%Ln beim Lesen geändert (werden später erneut gelesen)</numerusform>
        </translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}: {reason}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Goes on indexing</source>
        <translation>Setzt die Indizierung fort</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Pauses indexing; chats still search what is indexed</source>
        <translation>Hält die Indizierung an; Chats durchsuchen weiterhin, was schon indiziert ist</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Web page, one file (*.html)</source>
        <translation>Webseite, eine Datei (*.html)</translation>
    </message>
    <message>
        <source>chatapp archive, every branch (*.json)</source>
        <translation>chatapp-Archiv, alle Zweige (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reply finished</source>
        <translation>Antwort fertig</translation>
    </message>
    <message>
        <source>Reply finished: {start}</source>
        <translation>Antwort fertig: {start}</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>Modelle…</translation>
    </message>
    <message>
        <source>Find, download and manage models</source>
        <translation>Modelle finden, herunterladen und verwalten</translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation>Chats durchsuchen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Mo&amp;del</source>
        <translation>Mode&amp;ll</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>Eine neue Unterhaltung beginnen</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Alle Chats durchsuchen</translation>
    </message>
    <message>
        <source>Text size {percent} %</source>
        <translation>Textgröße {percent} %</translation>
    </message>
    <message>
        <source>Context: on the server</source>
        <translation>Kontext: auf dem Server</translation>
    </message>
    <message>
        <source>This chat's replies come from {host}, which keeps its own context; chatapp does not measure it.</source>
        <translation>Die Antworten dieses Chats kommen von {host}, der seinen eigenen Kontext führt; chatapp misst ihn nicht.</translation>
    </message>
    <message>
        <source>a remote server</source>
        <translation>einem entfernten Server</translation>
    </message>
    <message>
        <source>A message can be asked again once the reply being written is done (or stopped).</source>
        <translation>Eine Nachricht kann erneut gestellt werden, sobald die laufende Antwort fertig ist (oder gestoppt wurde).</translation>
    </message>
    <message numerus="yes">
        <source>Delete this message and the %n after it? Other versions stay.</source>
        <translation>
            <numerusform>Diese Nachricht und die %Ln danach löschen? Andere Versionen bleiben erhalten.</numerusform>
            <numerusform>Diese Nachricht und die %Ln danach löschen? Andere Versionen bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete this message and the one after it? Other versions stay.</source>
        <translation>Diese Nachricht und die nächste löschen? Andere Versionen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Delete this message? Other versions stay.</source>
        <translation>Diese Nachricht löschen? Andere Versionen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Delete messages</source>
        <translation>Nachrichten löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>The chat history is damaged</source>
        <translation>Der Chatverlauf ist beschädigt</translation>
    </message>
    <message>
        <source>Move it aside and start a new, empty history? The damaged file is kept next to it, not deleted.</source>
        <translation>Ihn beiseitelegen und einen neuen, leeren Verlauf beginnen? Die beschädigte Datei wird daneben aufbewahrt, nicht gelöscht.</translation>
    </message>
    <message>
        <source>Start a new history</source>
        <translation>Neuen Verlauf beginnen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>a removed server</source>
        <translation>einem gelöschten Server</translation>
    </message>
    <message>
        <source>Open a GGUF model file</source>
        <translation>GGUF-Modelldatei öffnen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-Modelle (*.gguf)</translation>
    </message>
    <message>
        <source>A batch job is running: chat replies wait until it ends.</source>
        <translation>Ein Stapelauftrag läuft: Chat-Antworten warten, bis er endet.</translation>
    </message>
    <message>
        <source>About chatapp</source>
        <translation>Über chatapp</translation>
    </message>
    <message>
        <source>Chat with language models that run offline on your own computer. No telemetry; no network unless you start a download.</source>
        <translation>Chatten Sie mit Sprachmodellen, die offline auf Ihrem eigenen Computer laufen. Keine Telemetrie; kein Netzwerk, außer Sie starten einen Download.</translation>
    </message>
    <message>
        <source>Data: {folder}</source>
        <translation>Daten: {folder}</translation>
    </message>
    <message>
        <source>Models: {folder}</source>
        <translation>Modelle: {folder}</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>Chat exportieren</translation>
    </message>
    <message>
        <source>Export all chats</source>
        <translation>Alle Chats exportieren</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>Export nach {file}…</translation>
    </message>
    <message>
        <source>Exported 1 chat to {file}.</source>
        <translation>1 Chat nach {file} exportiert.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n chats to {file}.</source>
        <translation>
            <numerusform>%Ln Chat nach {file} exportiert.</numerusform>
            <numerusform>%Ln Chats nach {file} exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import chats</source>
        <translation>Chats importieren</translation>
    </message>
    <message>
        <source>Chat exports (*.json *.jsonl *.zip)</source>
        <translation>Chat-Exporte (*.json *.jsonl *.zip)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>{file} wird gelesen…</translation>
    </message>
    <message>
        <source>Importing 1 chat…</source>
        <translation>1 Chat wird importiert…</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n chats…</source>
        <translation>
            <numerusform>%Ln Chat wird importiert…</numerusform>
            <numerusform>%Ln Chats werden importiert…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;New chat</source>
        <translation>&amp;Neuer Chat</translation>
    </message>
    <message>
        <source>&amp;Export chat…</source>
        <translation>Chat &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;all chats…</source>
        <translation>&amp;Alle Chats exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import chats…</source>
        <translation>Chats &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modelle…</translation>
    </message>
    <message>
        <source>&amp;Open model file…</source>
        <translation>Modelldatei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Remote servers…</source>
        <translation>&amp;Entfernte Server…</translation>
    </message>
    <message>
        <source>Install the starter model ({name})</source>
        <translation>Startmodell installieren ({name})</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>&amp;About chatapp</source>
        <translation>Ü&amp;ber chatapp</translation>
    </message>
    <message>
        <source>&amp;Search chats…</source>
        <translation>Chats &amp;durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Find in chat…</source>
        <translation>Im Chat &amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;Presets…</source>
        <translation>V&amp;orlagen…</translation>
    </message>
    <message>
        <source>&amp;Local documents…</source>
        <translation>&amp;Lokale Dokumente…</translation>
    </message>
    <message>
        <source>&amp;Batch…</source>
        <translation>S&amp;tapel…</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>&amp;Größerer Text</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>&amp;Kleinerer Text</translation>
    </message>
    <message>
        <source>&amp;Default text size</source>
        <translation>&amp;Standard-Textgröße</translation>
    </message>
    <message>
        <source>Go to the &amp;message box</source>
        <translation>Zum Nachrichten&amp;feld</translation>
    </message>
    <message>
        <source>Go to the &amp;chat list</source>
        <translation>Zur &amp;Chatliste</translation>
    </message>
    <message>
        <source>Ne&amp;xt chat</source>
        <translation>&amp;Nächster Chat</translation>
    </message>
    <message>
        <source>Pre&amp;vious chat</source>
        <translation>&amp;Vorheriger Chat</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>S&amp;top the reply</source>
        <translation>Antwort s&amp;toppen</translation>
    </message>
    <message>
        <source>New chat from &amp;preset</source>
        <translation>Neuer Chat aus &amp;Vorlage</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
    <message>
        <source>Edit or delete this message</source>
        <translation>Diese Nachricht bearbeiten oder löschen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete from here…</source>
        <translation>Ab hier löschen…</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Interrupted (the app was closed while writing)</source>
        <translation>Unterbrochen (die App wurde beim Schreiben geschlossen)</translation>
    </message>
    <message>
        <source>Reached the reply length limit</source>
        <translation>Längengrenze der Antwort erreicht</translation>
    </message>
    <message>
        <source>The context is full</source>
        <translation>Der Kontext ist voll</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 Token</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%Ln Token</numerusform>
            <numerusform>%Ln Token</numerusform>
        </translation>
    </message>
    <message>
        <source>{speed} tokens/s</source>
        <translation>{speed} Token/s</translation>
    </message>
    <message>
        <source>first token {seconds} s</source>
        <translation>erstes Token {seconds} s</translation>
    </message>
    <message>
        <source>first answer token {seconds} s</source>
        <translation>erstes Antwort-Token {seconds} s</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>Save and ask</source>
        <translation>Speichern und fragen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>How the reply was made</source>
        <translation>Wie die Antwort entstand</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <source>Copy the whole message</source>
        <translation>Die ganze Nachricht kopieren</translation>
    </message>
    <message>
        <source>Copy the answer (without the thought)</source>
        <translation>Die Antwort kopieren (ohne die Überlegung)</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Write this reply again</source>
        <translation>Diese Antwort neu schreiben</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Write on: the reply stopped at the length limit</source>
        <translation>Weiterschreiben: Die Antwort endete an der Längengrenze</translation>
    </message>
    <message>
        <source>writing…</source>
        <translation>schreibt…</translation>
    </message>
    <message>
        <source>{role}: {text}</source>
        <translation>{role}: {text}</translation>
    </message>
    <message>
        <source>Your message</source>
        <translation>Ihre Nachricht</translation>
    </message>
    <message>
        <source>The model's reply: {details}</source>
        <translation>Die Antwort des Modells: {details}</translation>
    </message>
    <message>
        <source>The model's reply</source>
        <translation>Die Antwort des Modells</translation>
    </message>
    <message>
        <source>This message no longer fits the model's context and is not sent to the model.</source>
        <translation>Diese Nachricht passt nicht mehr in den Kontext des Modells und wird nicht an das Modell gesendet.</translation>
    </message>
</context>
<context>
    <name>ModelFit</name>
    <message>
        <source>Fits</source>
        <translation>Passt</translation>
    </message>
    <message>
        <source>Tight</source>
        <translation>Knapp</translation>
    </message>
    <message>
        <source>Too large</source>
        <translation>Zu groß</translation>
    </message>
    <message>
        <source>{weights} weights + {context_memory} context memory for {tokens} tokens ({per_token} per token with {kv_cache_type}) + {working} working memory</source>
        <translation>{weights} Gewichte + {context_memory} Kontextspeicher für {tokens} Tokens ({per_token} pro Token mit {kv_cache_type}) + {working} Arbeitsspeicher</translation>
    </message>
    <message>
        <source>{weights} weights + {context_memory} context memory for {tokens} tokens + {working} working memory</source>
        <translation>{weights} Gewichte + {context_memory} Kontextspeicher für {tokens} Tokens + {working} Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Estimated from the file size: needs about {needed} ({breakdown}); this computer has {total}, {free} free now.</source>
        <translation>Aus der Dateigröße geschätzt: braucht etwa {needed} ({breakdown}); dieser Computer hat {total}, davon {free} jetzt frei.</translation>
    </message>
    <message>
        <source>Needs about {needed} ({breakdown}); this computer has {total}, {free} free now.</source>
        <translation>Braucht etwa {needed} ({breakdown}); dieser Computer hat {total}, davon {free} jetzt frei.</translation>
    </message>
    <message>
        <source>It would leave little memory for other programs.</source>
        <translation>Es bliebe wenig Speicher für andere Programme.</translation>
    </message>
    <message>
        <source>Close other programs first: it needs more than is free now.</source>
        <translation>Schließen Sie zuerst andere Programme: Es braucht mehr, als jetzt frei ist.</translation>
    </message>
    <message>
        <source>That is more than this computer can spare even with other programs closed; choose a smaller model or a smaller quantization.</source>
        <translation>Das ist mehr, als dieser Computer selbst mit geschlossenen Programmen erübrigen kann; wählen Sie ein kleineres Modell oder eine kleinere Quantisierung.</translation>
    </message>
</context>
<context>
    <name>ModelLibrary</name>
    <message>
        <source>The list of imported models ({path}) cannot be read: {reason}.</source>
        <translation>Die Liste der importierten Modelle ({path}) kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>The list of models you imported from other folders was damaged, so chatapp kept it aside as {name} and starts a new list. Your model files are untouched: import them again (Models ▸ Installed ▸ Import).</source>
        <translation>Die Liste der Modelle, die Sie aus anderen Ordnern importiert haben, war beschädigt. chatapp hat sie als {name} beiseitegelegt und beginnt eine neue Liste. Ihre Modelldateien sind unberührt: Importieren Sie sie erneut (Modelle ▸ Installiert ▸ Importieren).</translation>
    </message>
    <message>
        <source>The list of imported models could not be saved: {reason}.</source>
        <translation>Die Liste der importierten Modelle konnte nicht gespeichert werden: {reason}.</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}.</source>
        <translation>Die Datei kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>The models folder already has a file named {name}.</source>
        <translation>Im Modellordner gibt es bereits eine Datei namens {name}.</translation>
    </message>
    <message>
        <source>Copying {name} needs {needed}, but only {free} is free in {folder}. Import it in place instead, or free some space.</source>
        <translation>Das Kopieren von {name} braucht {needed}, aber in {folder} sind nur {free} frei. Importieren Sie die Datei stattdessen an ihrem Ort oder geben Sie Speicherplatz frei.</translation>
    </message>
    <message>
        <source>{name} could not be copied: {reason}.</source>
        <translation>{name} konnte nicht kopiert werden: {reason}.</translation>
    </message>
    <message>
        <source>{name} could not be deleted: {reason}.</source>
        <translation>{name} konnte nicht gelöscht werden: {reason}.</translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation>{path} ist keine Datei.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}.</source>
        <translation>{name} kann nicht gelesen werden: {reason}.</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>{model} · remote · {host}</source>
        <translation>{model} · entfernt · {host}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The model that answers: one on this computer or on a remote server; also opens a model file or the remote servers</source>
        <translation>Das Modell, das antwortet: auf diesem Computer oder auf einem entfernten Server; öffnet auch eine Modelldatei oder die entfernten Server</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <source>{server} · remote · {host}: {problem}</source>
        <translation>{server} · entfernt · {host}: {problem}</translation>
    </message>
    <message>
        <source>Replies come from {address}</source>
        <translation>Antworten kommen von {address}</translation>
    </message>
    <message>
        <source>a removed server</source>
        <translation>einem gelöschten Server</translation>
    </message>
    <message>
        <source>This chat's remote model</source>
        <translation>Das entfernte Modell dieses Chats</translation>
    </message>
    <message>
        <source>Listing the remote servers' models…</source>
        <translation>Die Modelle der entfernten Server werden abgefragt…</translation>
    </message>
    <message>
        <source>Open a model file…</source>
        <translation>Modelldatei öffnen…</translation>
    </message>
    <message>
        <source>Remote servers…</source>
        <translation>Entfernte Server…</translation>
    </message>
</context>
<context>
    <name>ModelTables</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Fits?</source>
        <translation>Passt?</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antwortet</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Likes</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Speed here</source>
        <translation>Tempo hier</translation>
    </message>
</context>
<context>
    <name>ModelsPane</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message numerus="yes">
        <source>This computer: {memory} memory ({free} free), %n CPU cores. Models run on the CPU; their files stay in {folder}.</source>
        <translation>
            <numerusform>Dieser Computer: {memory} Arbeitsspeicher ({free} frei), %Ln CPU-Kern. Modelle laufen auf der CPU; ihre Dateien liegen in {folder}.</numerusform>
            <numerusform>Dieser Computer: {memory} Arbeitsspeicher ({free} frei), %Ln CPU-Kerne. Modelle laufen auf der CPU; ihre Dateien liegen in {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Remote servers…</source>
        <translation>Entfernte Server…</translation>
    </message>
    <message>
        <source>Use the models of an OpenAI-compatible server (llama-server, vLLM, Ollama …) in a chat</source>
        <translation>Die Modelle eines OpenAI-kompatiblen Servers (llama-server, vLLM, Ollama …) in einem Chat verwenden</translation>
    </message>
    <message>
        <source>Model lists</source>
        <translation>Modelllisten</translation>
    </message>
    <message>
        <source>Recommended models, a search of the Hugging Face hub, and the models installed on this computer</source>
        <translation>Empfohlene Modelle, eine Suche im Hugging Face Hub und die auf diesem Computer installierten Modelle</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Empfohlen</translation>
    </message>
    <message>
        <source>Search the hub</source>
        <translation>Hub durchsuchen</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <source>Recommended models</source>
        <translation>Empfohlene Modelle</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>Installierte Modelle</translation>
    </message>
    <message>
        <source>Download status</source>
        <translation>Download-Status</translation>
    </message>
    <message>
        <source>Checking {name} on the hub before downloading…</source>
        <translation>{name} wird vor dem Download auf dem Hub geprüft…</translation>
    </message>
    <message>
        <source>{name} was not downloaded: {reason}</source>
        <translation>{name} wurde nicht heruntergeladen: {reason}</translation>
    </message>
    <message>
        <source>This model will not run</source>
        <translation>Dieses Modell wird nicht laufen</translation>
    </message>
    <message>
        <source>{reason}

Download it anyway?</source>
        <translation>{reason}

Trotzdem herunterladen?</translation>
    </message>
    <message>
        <source>{name} was not downloaded.</source>
        <translation>{name} wurde nicht heruntergeladen.</translation>
    </message>
    <message>
        <source>unknown architecture</source>
        <translation>unbekannte Architektur</translation>
    </message>
    <message>
        <source>Downloading {name} ({architecture}, context up to {tokens} tokens).</source>
        <translation>{name} wird heruntergeladen ({architecture}, Kontext bis zu {tokens} Tokens).</translation>
    </message>
    <message>
        <source>Downloading {name} ({architecture}).</source>
        <translation>{name} wird heruntergeladen ({architecture}).</translation>
    </message>
</context>
<context>
    <name>OverridesForm</name>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>Max reply tokens</source>
        <translation>Max. Tokens pro Antwort</translation>
    </message>
    <message>
        <source>Thinking budget (tokens)</source>
        <translation>Denkbudget (Tokens)</translation>
    </message>
    <message>
        <source>No system prompt</source>
        <translation>Kein Systemprompt</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Kontextlänge</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Follow the default: {value}</source>
        <translation>Dem Standard folgen: {value}</translation>
    </message>
    <message>
        <source>{field}: default</source>
        <translation>{field}: Standard</translation>
    </message>
    <message>
        <source>the model chosen above</source>
        <translation>das oben gewählte Modell</translation>
    </message>
    <message>
        <source>“{prompt}”</source>
        <translation>„{prompt}“</translation>
    </message>
    <message>
        <source>no system prompt</source>
        <translation>kein Systemprompt</translation>
    </message>
    <message>
        <source>Choose the model, or leave it at Default.</source>
        <translation>Wählen Sie das Modell oder lassen Sie es auf Standard.</translation>
    </message>
</context>
<context>
    <name>PassageDialog</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>The passage the model was given, as it was given</source>
        <translation>Der Abschnitt, wie ihn das Modell erhielt</translation>
    </message>
</context>
<context>
    <name>Placeholders</name>
    <message>
        <source>&lt;a href='install-starter'&gt;Install the starter model&lt;/a&gt;: {name}, {size}, included with chatapp, no download needed. It is small and quick rather than clever.</source>
        <translation>&lt;a href='install-starter'&gt;Startmodell installieren&lt;/a&gt;: {name}, {size}, bei chatapp enthalten, kein Download nötig. Es ist eher klein und schnell als klug.</translation>
    </message>
    <message>
        <source>The starter model is not included in this installation: run &lt;code&gt;make run&lt;/code&gt; in chatapp's source folder, which installs it.</source>
        <translation>Das Startmodell ist in dieser Installation nicht enthalten: Führen Sie &lt;code&gt;make run&lt;/code&gt; im Quellordner von chatapp aus, das installiert es.</translation>
    </message>
    <message>
        <source>No model is loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <source>chatapp runs language models on this computer: your chats never leave it.</source>
        <translation>chatapp führt Sprachmodelle auf diesem Computer aus: Ihre Chats verlassen ihn nie.</translation>
    </message>
    <message>
        <source>Or &lt;a href='open-model'&gt;open a GGUF model file&lt;/a&gt; you already have.</source>
        <translation>Oder &lt;a href='open-model'&gt;öffnen Sie eine GGUF-Modelldatei&lt;/a&gt;, die Sie bereits haben.</translation>
    </message>
    <message>
        <source>Ask anything</source>
        <translation>Fragen Sie, was Sie möchten</translation>
    </message>
    <message>
        <source>Replies are written on this computer by {model}; nothing leaves it.</source>
        <translation>Antworten schreibt {model} auf diesem Computer; nichts verlässt ihn.</translation>
    </message>
    <message>
        <source>Replies in this chat are written by {model} on &lt;b&gt;{host}&lt;/b&gt;: what you write here is sent there. Choose a local model above to keep a chat on this computer.</source>
        <translation>Die Antworten in diesem Chat schreibt {model} auf &lt;b&gt;{host}&lt;/b&gt;: Was Sie hier schreiben, wird dorthin gesendet. Wählen Sie oben ein lokales Modell, damit ein Chat auf diesem Computer bleibt.</translation>
    </message>
</context>
<context>
    <name>PresetEditor</name>
    <message>
        <source>Edit preset</source>
        <translation>Vorlage bearbeiten</translation>
    </message>
    <message>
        <source>New preset</source>
        <translation>Neue Vorlage</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Preset name</source>
        <translation>Name der Vorlage</translation>
    </message>
    <message>
        <source>e.g. Translator, Code reviewer</source>
        <translation>z. B. Übersetzer, Code-Prüfer</translation>
    </message>
    <message>
        <source>A chat started from this preset sets the fields below; those left at Default follow the app's settings.</source>
        <translation>Ein Chat, der mit dieser Vorlage beginnt, setzt die Felder unten; Felder auf Standard folgen den Einstellungen der App.</translation>
    </message>
    <message>
        <source>There is already a preset named “{name}”.</source>
        <translation>Es gibt bereits eine Vorlage namens „{name}“.</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>The preset “{name}”: {problem}</source>
        <translation>Die Voreinstellung „{name}“: {problem}</translation>
    </message>
    <message>
        <source>There is already a preset named “{name}”.</source>
        <translation>Es gibt bereits eine Voreinstellung namens „{name}“.</translation>
    </message>
    <message>
        <source>There is no preset named “{name}” any more.</source>
        <translation>Es gibt keine Voreinstellung namens „{name}“ mehr.</translation>
    </message>
    <message>
        <source>A preset's name must be text.</source>
        <translation>Der Name einer Voreinstellung muss Text sein.</translation>
    </message>
    <message>
        <source>A preset needs a name.</source>
        <translation>Eine Voreinstellung braucht einen Namen.</translation>
    </message>
    <message>
        <source>A preset's name can have at most {count} characters.</source>
        <translation>Der Name einer Voreinstellung darf höchstens {count} Zeichen haben.</translation>
    </message>
    <message>
        <source>A preset's name cannot hold control or invisible characters.</source>
        <translation>Der Name einer Voreinstellung darf keine Steuer- oder unsichtbaren Zeichen enthalten.</translation>
    </message>
    <message>
        <source>Entry {number} is not a preset.</source>
        <translation>Eintrag {number} ist keine Voreinstellung.</translation>
    </message>
    <message>
        <source>The preset “{name}” has no settings object.</source>
        <translation>Die Voreinstellung „{name}“ hat kein Einstellungsobjekt.</translation>
    </message>
    <message>
        <source>The preset “{name}” has an unknown setting “{setting}”.</source>
        <translation>Die Voreinstellung „{name}“ hat eine unbekannte Einstellung „{setting}“.</translation>
    </message>
    <message>
        <source>{source} cannot be read as presets: {reason}</source>
        <translation>{source} kann nicht als Voreinstellungen gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>it is larger than {size} MB.</source>
        <translation>sie ist größer als {size} MB.</translation>
    </message>
    <message>
        <source>it is not UTF-8 text.</source>
        <translation>sie ist kein UTF-8-Text.</translation>
    </message>
    <message>
        <source>it is nested too deeply.</source>
        <translation>sie ist zu tief verschachtelt.</translation>
    </message>
    <message>
        <source>it is not valid JSON ({error}).</source>
        <translation>sie ist kein gültiges JSON ({error}).</translation>
    </message>
    <message>
        <source>it is not a chatapp presets file.</source>
        <translation>sie ist keine chatapp-Voreinstellungsdatei.</translation>
    </message>
    <message>
        <source>its version is missing.</source>
        <translation>ihre Version fehlt.</translation>
    </message>
    <message>
        <source>it was written by a newer chatapp; update chatapp to read it.</source>
        <translation>sie wurde von einer neueren chatapp-Version geschrieben; aktualisieren Sie chatapp, um sie zu lesen.</translation>
    </message>
    <message>
        <source>it holds no list of presets.</source>
        <translation>sie enthält keine Liste von Voreinstellungen.</translation>
    </message>
    <message>
        <source>it holds more than {count} presets.</source>
        <translation>sie enthält mehr als {count} Voreinstellungen.</translation>
    </message>
    <message>
        <source>the name “{name}” is there twice.</source>
        <translation>der Name „{name}“ kommt zweimal vor.</translation>
    </message>
    <message>
        <source>{path} does not exist (any more).</source>
        <translation>{path} existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>{path} could not be read ({error}).</source>
        <translation>{path} konnte nicht gelesen werden ({error}).</translation>
    </message>
    <message>
        <source>The presets could not be written to {path} ({error}).</source>
        <translation>Die Voreinstellungen konnten nicht nach {path} geschrieben werden ({error}).</translation>
    </message>
    <message>
        <source>There can be at most {count} presets.</source>
        <translation>Es kann höchstens {count} Voreinstellungen geben.</translation>
    </message>
    <message>
        <source>“{setting}” is not a setting a preset can have.</source>
        <translation>„{setting}“ ist keine Einstellung, die eine Voreinstellung haben kann.</translation>
    </message>
    <message>
        <source>{problem} It could not be moved aside either ({error}); presets cannot be saved until it is moved or deleted.</source>
        <translation>{problem} Sie konnte auch nicht verschoben werden ({error}); Voreinstellungen können erst gespeichert werden, wenn sie verschoben oder gelöscht ist.</translation>
    </message>
    <message>
        <source>{problem} It was kept as {name}; your presets start empty.</source>
        <translation>{problem} Sie wurde als {name} aufbewahrt; Ihre Voreinstellungen beginnen leer.</translation>
    </message>
    <message>
        <source>The presets could not be saved to {path} ({error}).</source>
        <translation>Die Voreinstellungen konnten nicht in {path} gespeichert werden ({error}).</translation>
    </message>
    <message>
        <source>The preset to export is no longer there.</source>
        <translation>Die zu exportierende Voreinstellung ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>Export to another file: this one holds your presets.</source>
        <translation>Exportieren Sie in eine andere Datei: Diese enthält Ihre Voreinstellungen.</translation>
    </message>
    <message>
        <source>{source} holds no presets.</source>
        <translation>{source} enthält keine Voreinstellungen.</translation>
    </message>
    <message>
        <source>There can be at most {count} presets; delete some before importing these.</source>
        <translation>Es kann höchstens {count} Voreinstellungen geben; löschen Sie einige, bevor Sie diese importieren.</translation>
    </message>
</context>
<context>
    <name>PresetsDialog</name>
    <message>
        <source>Presets (*.json);;All files (*)</source>
        <translation>Vorlagen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Named assistants to start a chat from: a system prompt, sampling, and perhaps a model of their own.</source>
        <translation>Benannte Assistenten, mit denen ein Chat beginnt: ein Systemprompt, Sampling und vielleicht ein eigenes Modell.</translation>
    </message>
    <message>
        <source>Double-click or Edit… changes the chosen preset</source>
        <translation>Doppelklick oder „Bearbeiten…“ ändert die gewählte Vorlage</translation>
    </message>
    <message>
        <source>What the preset sets</source>
        <translation>Was die Vorlage festlegt</translation>
    </message>
    <message>
        <source>Start a chat</source>
        <translation>Chat beginnen</translation>
    </message>
    <message>
        <source>Starts a new chat from the chosen preset</source>
        <translation>Beginnt einen neuen Chat mit der gewählten Vorlage</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Makes a new preset</source>
        <translation>Erstellt eine neue Vorlage</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Changes the chosen preset</source>
        <translation>Ändert die gewählte Vorlage</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Deletes the chosen preset, after asking</source>
        <translation>Löscht die gewählte Vorlage nach einer Rückfrage</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Writes the chosen preset to a file</source>
        <translation>Schreibt die gewählte Vorlage in eine Datei</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>Alle exportieren…</translation>
    </message>
    <message>
        <source>Writes every preset to one file</source>
        <translation>Schreibt alle Vorlagen in eine Datei</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Adds the presets of a presets file</source>
        <translation>Fügt die Vorlagen einer Vorlagendatei hinzu</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>No presets yet: New… makes one, Import… reads a presets file.</source>
        <translation>Noch keine Vorlagen: „Neu…“ erstellt eine, „Importieren…“ liest eine Vorlagendatei.</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Vorlage löschen</translation>
    </message>
    <message>
        <source>Delete the preset “{name}”? Chats started from it keep their settings.</source>
        <translation>Die Vorlage „{name}“ löschen? Chats, die damit begonnen wurden, behalten ihre Einstellungen.</translation>
    </message>
    <message>
        <source>Export presets</source>
        <translation>Vorlagen exportieren</translation>
    </message>
    <message>
        <source>Import presets</source>
        <translation>Vorlagen importieren</translation>
    </message>
    <message>
        <source>Every field at Default: a chat from it follows the app's settings.</source>
        <translation>Jedes Feld auf Standard: Ein Chat damit folgt den Einstellungen der App.</translation>
    </message>
</context>
<context>
    <name>QuantGuidance</name>
    <message>
        <source>None of these files fits in this computer's memory; even {name} ({size}) needs more.</source>
        <translation>Keine dieser Dateien passt in den Arbeitsspeicher dieses Computers; selbst {name} ({size}) braucht mehr.</translation>
    </message>
    <message>
        <source>{choice}, the fastest that fits; none reaches {rate} tokens/s on this computer.</source>
        <translation>{choice}, die schnellste, die passt; keine erreicht {rate} Tokens/s auf diesem Computer.</translation>
    </message>
    <message>
        <source>{choice}; the best quality offered.</source>
        <translation>{choice}; die beste angebotene Qualität.</translation>
    </message>
    <message>
        <source>{choice}; {next} would not fit in memory.</source>
        <translation>{choice}; {next} passte nicht in den Arbeitsspeicher.</translation>
    </message>
    <message>
        <source>{choice}; {next} would run at about {rate}.</source>
        <translation>{choice}; {next} liefe mit etwa {rate}.</translation>
    </message>
    <message>
        <source>{name}: {size}, about {rate} tokens/s here</source>
        <translation>{name}: {size}, hier etwa {rate} Tokens/s</translation>
    </message>
</context>
<context>
    <name>RecommendedTab</name>
    <message>
        <source>Thinks before answering</source>
        <translation>Denkt vor der Antwort nach</translation>
    </message>
    <message>
        <source>Directly</source>
        <translation>Direkt</translation>
    </message>
    <message>
        <source>This model reasons step by step before it replies: better at hard questions, but the answer starts later.</source>
        <translation>Dieses Modell denkt Schritt für Schritt nach, bevor es antwortet: besser bei schweren Fragen, aber die Antwort beginnt später.</translation>
    </message>
    <message>
        <source>This model starts its answer straight away.</source>
        <translation>Dieses Modell beginnt sofort mit seiner Antwort.</translation>
    </message>
    <message>
        <source>For Local documents</source>
        <translation>Für Lokale Dokumente</translation>
    </message>
    <message>
        <source>An embedding model: Local documents uses it to find passages by meaning. It does not chat.</source>
        <translation>Ein Embedding-Modell: Lokale Dokumente findet damit Textstellen nach ihrer Bedeutung. Es chattet nicht.</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <source>Chat models chosen for computers without a graphics card, smallest first. The badge says whether each fits this computer's memory; hover it for the numbers. “{speed}” says how fast each would answer on this computer: predicted, or measured once it has answered here. Models marked “{thinks}” reason first: better at hard questions, slower to start replying. Models marked “{embedding}” do not chat: they let Local documents find passages by meaning, not only by their words.</source>
        <translation>Chat-Modelle, ausgewählt für Computer ohne Grafikkarte, die kleinsten zuerst. Das Abzeichen zeigt, ob ein Modell in den Arbeitsspeicher dieses Computers passt; zeigen Sie darauf, um die Zahlen zu sehen. „{speed}“ gibt an, wie schnell es auf diesem Computer antworten würde: vorhergesagt oder gemessen, sobald es hier geantwortet hat. Mit „{thinks}“ markierte Modelle denken zuerst nach: besser bei schweren Fragen, langsamer beim Beginn der Antwort. Mit „{embedding}“ markierte Modelle chatten nicht: Mit ihnen findet Lokale Dokumente Textstellen nach ihrer Bedeutung, nicht nur nach ihren Wörtern.</translation>
    </message>
    <message>
        <source>Recommended models</source>
        <translation>Empfohlene Modelle</translation>
    </message>
    <message>
        <source>One row per recommended model, smallest first: its size, the memory it needs, whether it fits, its speed here and a button to download or load it.</source>
        <translation>Eine Zeile pro empfohlenem Modell, die kleinsten zuerst: Größe, benötigter Speicher, ob es passt, Tempo hier und eine Schaltfläche zum Herunterladen oder Laden.</translation>
    </message>
    <message>
        <source>Installed: Local documents can use it</source>
        <translation>Installiert: Lokale Dokumente kann es verwenden</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>{action}: {model}</source>
        <translation>{action}: {model}</translation>
    </message>
    <message>
        <source>{model}: {answers}</source>
        <translation>{model}: {answers}</translation>
    </message>
</context>
<context>
    <name>RemoteHeader</name>
    <message>
        <source>The file's header could not be read.</source>
        <translation>Der Header der Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The header of {path} is larger than {limit}, far more than any real model needs, so chatapp does not read it. Choose another file.</source>
        <translation>Der Header von {path} ist größer als {limit}, weit mehr, als ein echtes Modell braucht, daher liest chatapp ihn nicht. Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>{host} did not send the part of the file chatapp asked for.</source>
        <translation>{host} hat nicht den Teil der Datei gesendet, den chatapp angefordert hat.</translation>
    </message>
    <message>
        <source>The connection to {host} closed before the file's header arrived. Try again.</source>
        <translation>Die Verbindung zu {host} wurde geschlossen, bevor der Header der Datei ankam. Versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>RemoteServer</name>
    <message>
        <source>its list of models is not JSON</source>
        <translation>seine Modellliste ist kein JSON</translation>
    </message>
    <message>
        <source>its list of models has no "data"</source>
        <translation>seine Modellliste hat kein „data“</translation>
    </message>
    <message>
        <source>a streamed event is not JSON</source>
        <translation>ein gestreamtes Ereignis ist kein JSON</translation>
    </message>
    <message>
        <source>a streamed event is not an object</source>
        <translation>ein gestreamtes Ereignis ist kein Objekt</translation>
    </message>
    <message>
        <source>an error with no message</source>
        <translation>ein Fehler ohne Meldung</translation>
    </message>
    <message>
        <source>{host} stopped the reply with an error: {message}</source>
        <translation>{host} hat die Antwort mit einem Fehler abgebrochen: {message}</translation>
    </message>
    <message>
        <source>it answered with a redirect ({status})</source>
        <translation>er hat mit einer Umleitung geantwortet ({status})</translation>
    </message>
    <message>
        <source>{host} refused the API key ({status}: {message}). Set the server's API key again in Remote servers.</source>
        <translation>{host} hat den API-Schlüssel abgelehnt ({status}: {message}). Legen Sie den API-Schlüssel des Servers unter „Entfernte Server“ erneut fest.</translation>
    </message>
    <message>
        <source>{host} has no such model or endpoint ({message}). Check the server's address (it should end in /v1) and pick a model it lists.</source>
        <translation>{host} hat kein solches Modell und keinen solchen Endpunkt ({message}). Prüfen Sie die Adresse des Servers (sie sollte auf /v1 enden) und wählen Sie ein Modell aus seiner Liste.</translation>
    </message>
    <message>
        <source>{host} answered with an error ({status}): {message}</source>
        <translation>{host} hat mit einem Fehler geantwortet ({status}): {message}</translation>
    </message>
    <message>
        <source>The connection to {host} ended before the reply did. The part already written is kept; try again or continue the reply.</source>
        <translation>Die Verbindung zu {host} wurde beendet, bevor die Antwort fertig war. Der bereits geschriebene Teil bleibt erhalten; versuchen Sie es erneut oder setzen Sie die Antwort fort.</translation>
    </message>
    <message>
        <source>{host} did not answer as an OpenAI-compatible server does ({reason}). Check the server's address.</source>
        <translation>{host} hat nicht wie ein OpenAI-kompatibler Server geantwortet ({reason}). Prüfen Sie die Adresse des Servers.</translation>
    </message>
    <message>
        <source>{host} did not accept a connection in time. Check that the server is running and reachable, then try again.</source>
        <translation>{host} hat die Verbindung nicht rechtzeitig angenommen. Prüfen Sie, ob der Server läuft und erreichbar ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>{host} stopped answering: no word of the reply came in time. The part already written is kept; try again later.</source>
        <translation>{host} antwortet nicht mehr: Kein Wort der Antwort kam rechtzeitig an. Der bereits geschriebene Teil bleibt erhalten; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>{host} stopped answering: no word of the rest of the reply came in time. The part already written is kept; try again later.</source>
        <translation>{host} antwortet nicht mehr: Kein Wort vom Rest der Antwort kam rechtzeitig an. Der bereits geschriebene Teil bleibt erhalten; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The certificate of {host} could not be verified, so chatapp did not send it anything. If the server uses a certificate of your own, add its authority to the system's certificates; if it speaks plain http, write its address with http://.</source>
        <translation>Das Zertifikat von {host} konnte nicht überprüft werden, daher hat chatapp nichts dorthin gesendet. Wenn der Server ein eigenes Zertifikat verwendet, fügen Sie dessen Zertifizierungsstelle zu den Zertifikaten des Systems hinzu; wenn er einfaches http spricht, schreiben Sie seine Adresse mit http://.</translation>
    </message>
    <message>
        <source>{host} cannot be reached ({reason}). Check the address and that the server is running, then try again.</source>
        <translation>{host} ist nicht erreichbar ({reason}). Prüfen Sie die Adresse und ob der Server läuft, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The connection to {host} failed ({reason}). Try again.</source>
        <translation>Die Verbindung zu {host} ist fehlgeschlagen ({reason}). Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The request to {host} failed ({reason}).</source>
        <translation>Die Anfrage an {host} ist fehlgeschlagen ({reason}).</translation>
    </message>
    <message>
        <source>its name was not found</source>
        <translation>sein Name wurde nicht gefunden</translation>
    </message>
    <message>
        <source>the connection was refused: nothing listens at that address</source>
        <translation>die Verbindung wurde abgelehnt: An dieser Adresse lauscht nichts</translation>
    </message>
    <message>
        <source>the network cannot reach it</source>
        <translation>das Netzwerk kann ihn nicht erreichen</translation>
    </message>
</context>
<context>
    <name>RemoteServers</name>
    <message>
        <source>This address uses plain http:// to another computer: your messages, the replies and the API key cross the network unencrypted. Use https:// if the server offers it.</source>
        <translation>Diese Adresse verwendet einfaches http:// zu einem anderen Computer: Ihre Nachrichten, die Antworten und der API-Schlüssel gehen unverschlüsselt über das Netzwerk. Verwenden Sie https://, wenn der Server es anbietet.</translation>
    </message>
    <message>
        <source>The server answers, but lists no models.</source>
        <translation>Der Server antwortet, listet aber keine Modelle auf.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between model names</comment>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>The server answers and lists %n models: {models} and {more} more.</source>
        <translation>
            <numerusform>Der Server antwortet und listet %Ln Modell auf: {models} und {more} weitere.</numerusform>
            <numerusform>Der Server antwortet und listet %Ln Modelle auf: {models} und {more} weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server answers and lists 1 model: {models}.</source>
        <translation>Der Server antwortet und listet 1 Modell auf: {models}.</translation>
    </message>
    <message numerus="yes">
        <source>The server answers and lists %n models: {models}.</source>
        <translation>
            <numerusform>Der Server antwortet und listet %Ln Modell auf: {models}.</numerusform>
            <numerusform>Der Server antwortet und listet %Ln Modelle auf: {models}.</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot be reached</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>refused the API key</source>
        <translation>hat den API-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>its API key cannot be read from the keyring</source>
        <translation>sein API-Schlüssel kann nicht aus dem Schlüsselbund gelesen werden</translation>
    </message>
    <message>
        <source>its certificate could not be verified</source>
        <translation>sein Zertifikat konnte nicht überprüft werden</translation>
    </message>
    <message>
        <source>did not list its models</source>
        <translation>hat seine Modelle nicht aufgelistet</translation>
    </message>
    <message>
        <source>Type the server's address, for example http://127.0.0.1:8080 or https://llm.example.com.</source>
        <translation>Geben Sie die Adresse des Servers ein, zum Beispiel http://127.0.0.1:8080 oder https://llm.example.com.</translation>
    </message>
    <message>
        <source>That is not a server address: it is too long or has spaces in it.</source>
        <translation>Das ist keine Serveradresse: Sie ist zu lang oder enthält Leerzeichen.</translation>
    </message>
    <message>
        <source>That is not a server address: the host or port is not valid.</source>
        <translation>Das ist keine Serveradresse: Host oder Port ist ungültig.</translation>
    </message>
    <message>
        <source>A server's address starts with http:// or https://.</source>
        <translation>Die Adresse eines Servers beginnt mit http:// oder https://.</translation>
    </message>
    <message>
        <source>The address has no host name.</source>
        <translation>Die Adresse hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>Leave the user name and password out of the address; put the server's API key in the API key box instead.</source>
        <translation>Lassen Sie Benutzername und Passwort aus der Adresse weg; tragen Sie stattdessen den API-Schlüssel des Servers in das Feld für den API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Leave the part after ? or # out of the server's address.</source>
        <translation>Lassen Sie den Teil nach ? oder # in der Adresse des Servers weg.</translation>
    </message>
    <message>
        <source>The list of remote servers could not be read from {path} ({error}).</source>
        <translation>Die Liste der entfernten Server konnte nicht aus {path} gelesen werden ({error}).</translation>
    </message>
    <message>
        <source>The list of remote servers in {path} is damaged ({problem}) and could not be moved aside ({error}); move or delete it to add servers again.</source>
        <translation>Die Liste der entfernten Server in {path} ist beschädigt ({problem}) und konnte nicht verschoben werden ({error}); verschieben oder löschen Sie sie, um wieder Server hinzuzufügen.</translation>
    </message>
    <message>
        <source>The list of remote servers was damaged ({problem}). It was kept as {name}; add your servers again (their API keys are still in the keyring).</source>
        <translation>Die Liste der entfernten Server war beschädigt ({problem}). Sie wurde als {name} aufbewahrt; fügen Sie Ihre Server erneut hinzu (ihre API-Schlüssel sind noch im Schlüsselbund).</translation>
    </message>
    <message>
        <source>chatapp keeps at most {count} remote servers; remove one first.</source>
        <translation>chatapp verwaltet höchstens {count} entfernte Server; entfernen Sie zuerst einen.</translation>
    </message>
    <message>
        <source>The list of remote servers could not be saved to {path} ({error}).</source>
        <translation>Die Liste der entfernten Server konnte nicht in {path} gespeichert werden ({error}).</translation>
    </message>
    <message>
        <source>That remote server is no longer in the list.</source>
        <translation>Dieser entfernte Server ist nicht mehr in der Liste.</translation>
    </message>
    <message>
        <source>it is not JSON</source>
        <translation>sie ist kein JSON</translation>
    </message>
    <message>
        <source>it is not a list of remote servers</source>
        <translation>sie ist keine Liste entfernter Server</translation>
    </message>
    <message>
        <source>it is of version {version}, this chatapp reads version {latest}</source>
        <translation>sie hat Version {version}, dieses chatapp liest Version {latest}</translation>
    </message>
    <message>
        <source>its list of servers is missing or too long</source>
        <translation>ihre Serverliste fehlt oder ist zu lang</translation>
    </message>
    <message>
        <source>a server is not an object</source>
        <translation>ein Server ist kein Objekt</translation>
    </message>
    <message>
        <source>a server has no valid id</source>
        <translation>ein Server hat keine gültige ID</translation>
    </message>
    <message>
        <source>a server has no valid name</source>
        <translation>ein Server hat keinen gültigen Namen</translation>
    </message>
    <message>
        <source>a server has no address</source>
        <translation>ein Server hat keine Adresse</translation>
    </message>
    <message>
        <source>a server's address is not valid ({problem})</source>
        <translation>die Adresse eines Servers ist ungültig ({problem})</translation>
    </message>
    <message>
        <source>That is not an API key: a key is one word of letters, digits and signs, with no spaces. Copy it again from the server's settings.</source>
        <translation>Das ist kein API-Schlüssel: Ein Schlüssel ist ein Wort aus Buchstaben, Ziffern und Zeichen ohne Leerzeichen. Kopieren Sie ihn erneut aus den Einstellungen des Servers.</translation>
    </message>
</context>
<context>
    <name>RemoteServersDialog</name>
    <message>
        <source>Remote servers</source>
        <translation>Entfernte Server</translation>
    </message>
    <message>
        <source>A chat can use a model of an OpenAI-compatible server (llama-server, vLLM, Ollama, LM Studio, a hosted service) instead of this computer's. What you write in such a chat is sent to that server; chats on local models never leave this computer.</source>
        <translation>Ein Chat kann statt eines Modells dieses Computers das Modell eines OpenAI-kompatiblen Servers verwenden (llama-server, vLLM, Ollama, LM Studio, ein gehosteter Dienst). Was Sie in einem solchen Chat schreiben, wird an diesen Server gesendet; Chats mit lokalen Modellen verlassen diesen Computer nie.</translation>
    </message>
    <message>
        <source>The servers added, each with its address</source>
        <translation>Die hinzugefügten Server, jeweils mit ihrer Adresse</translation>
    </message>
    <message>
        <source>No servers yet: add one below.</source>
        <translation>Noch keine Server: Fügen Sie unten einen hinzu.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Forget the server and its API key</source>
        <translation>Server und seinen API-Schlüssel vergessen</translation>
    </message>
    <message>
        <source>Add a server</source>
        <translation>Server hinzufügen</translation>
    </message>
    <message>
        <source>http://127.0.0.1:8080 or https://llm.example.com</source>
        <translation>http://127.0.0.1:8080 oder https://llm.example.com</translation>
    </message>
    <message>
        <source>Optional: the host is shown if left empty</source>
        <translation>Optional: Bleibt das Feld leer, wird der Host angezeigt</translation>
    </message>
    <message>
        <source>Optional: kept in the system keyring</source>
        <translation>Optional: wird im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>The server's address, with http:// or https://</source>
        <translation>Die Adresse des Servers, mit http:// oder https://</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Asks the server for its models, without adding it</source>
        <translation>Fragt den Server nach seinen Modellen, ohne ihn hinzuzufügen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Adds the server; its models join the model picker</source>
        <translation>Fügt den Server hinzu; seine Modelle erscheinen in der Modellauswahl</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>{name} — {address}</source>
        <translation>{name} — {address}</translation>
    </message>
    <message>
        <source>Asking {address} for its models…</source>
        <translation>{address} wird nach seinen Modellen gefragt…</translation>
    </message>
    <message>
        <source>Adding the server…</source>
        <translation>Server wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Added {name}. Its models are listed in the model picker (marked remote).</source>
        <translation>{name} hinzugefügt. Seine Modelle stehen in der Modellauswahl (als entfernt markiert).</translation>
    </message>
    <message>
        <source>Its API key was not kept: {reason}</source>
        <translation>Sein API-Schlüssel wurde nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>Removed {name}. Chats that used it can choose another model.</source>
        <translation>{name} entfernt. Chats, die ihn verwendet haben, können ein anderes Modell wählen.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>{title}, {date}. {role}: {text}</source>
        <translation>{title}, {date}. {role}: {text}</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Alle Chats durchsuchen</translation>
    </message>
    <message>
        <source>Words to find in every chat. The arrow keys choose a result, Enter opens it, Esc closes the search.</source>
        <translation>Wörter, die in allen Chats gesucht werden. Die Pfeiltasten wählen ein Ergebnis, die Eingabetaste öffnet es, Esc schließt die Suche.</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>No messages match “{query}”.</source>
        <translation>Keine Nachricht passt zu „{query}“.</translation>
    </message>
</context>
<context>
    <name>SearchTab</name>
    <message>
        <source>★ suggested</source>
        <translation>★ Vorschlag</translation>
    </message>
    <message>
        <source>Search GGUF models on Hugging Face, e.g. qwen, llama 3.2, phi</source>
        <translation>GGUF-Modelle auf Hugging Face suchen, z. B. qwen, llama 3.2, phi</translation>
    </message>
    <message>
        <source>Search the hub</source>
        <translation>Hub durchsuchen</translation>
    </message>
    <message>
        <source>Words to look for in the names of GGUF repositories on Hugging Face; Enter searches</source>
        <translation>Wörter, nach denen in den Namen von GGUF-Repositorys auf Hugging Face gesucht wird; die Eingabetaste startet die Suche</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Searches the hub for the words in the search field</source>
        <translation>Durchsucht den Hub nach den Wörtern im Suchfeld</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>One row per repository with GGUF files, most downloaded first; select one to list its files</source>
        <translation>Eine Zeile pro Repository mit GGUF-Dateien, die meistgeladenen zuerst; wählen Sie eines, um seine Dateien aufzulisten</translation>
    </message>
    <message>
        <source>More results</source>
        <translation>Weitere Ergebnisse</translation>
    </message>
    <message>
        <source>Model files</source>
        <translation>Modelldateien</translation>
    </message>
    <message>
        <source>One row per model file of the selected repository: its quantization, size, whether it fits and its speed here; select one to read its header</source>
        <translation>Eine Zeile pro Modelldatei des ausgewählten Repositorys: Quantisierung, Größe, ob sie passt und Tempo hier; wählen Sie eine, um ihre Kopfdaten zu lesen</translation>
    </message>
    <message>
        <source>Selected file</source>
        <translation>Ausgewählte Datei</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Downloads the selected file, once its header has been read</source>
        <translation>Lädt die ausgewählte Datei herunter, sobald ihre Kopfdaten gelesen sind</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Searching {host}…</source>
        <translation>{host} wird durchsucht…</translation>
    </message>
    <message>
        <source>(gated)</source>
        <translation>(zugangsbeschränkt)</translation>
    </message>
    <message numerus="yes">
        <source>%n repositories with GGUF files, most downloaded first.</source>
        <translation>
            <numerusform>%Ln Repository mit GGUF-Dateien, die meistgeladenen zuerst.</numerusform>
            <numerusform>%Ln Repositorys mit GGUF-Dateien, die meistgeladenen zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>No GGUF repositories match “{query}”.</source>
        <translation>Keine GGUF-Repositorys passen zu „{query}“.</translation>
    </message>
    <message>
        <source>Listing {repository}…</source>
        <translation>{repository} wird aufgelistet…</translation>
    </message>
    <message numerus="yes">
        <source>{repository}: %n GGUF models.</source>
        <translation>
            <numerusform>{repository}: %Ln GGUF-Modell.</numerusform>
            <numerusform>{repository}: %Ln GGUF-Modelle.</numerusform>
        </translation>
    </message>
    <message>
        <source>It is gated: downloading needs a Hugging Face token (below) and accepting its terms on the hub.</source>
        <translation>Es ist zugangsbeschränkt: Zum Herunterladen brauchen Sie ein Hugging-Face-Token (unten) und müssen seine Bedingungen auf dem Hub akzeptieren.</translation>
    </message>
    <message>
        <source>Suggested here: {reason}</source>
        <translation>Vorschlag für hier: {reason}</translation>
    </message>
    <message>
        <source>Reading the header of {file}…</source>
        <translation>Die Kopfdaten von {file} werden gelesen…</translation>
    </message>
    <message>
        <source>Architecture: {architecture}</source>
        <translation>Architektur: {architecture}</translation>
    </message>
    <message>
        <source>context up to {tokens} tokens</source>
        <translation>Kontext bis zu {tokens} Tokens</translation>
    </message>
    <message>
        <source>{count} parameters</source>
        <translation>{count} Parameter</translation>
    </message>
    <message>
        <source>{facts}.</source>
        <translation>{facts}.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Runs with this app's engine.</source>
        <translation>Läuft mit der Engine dieser App.</translation>
    </message>
    <message numerus="yes">
        <source>(%n parts)</source>
        <translation>
            <numerusform>(%Ln Teil)</numerusform>
            <numerusform>(%Ln Teile)</numerusform>
        </translation>
    </message>
    <message>
        <source>(incomplete)</source>
        <translation>(unvollständig)</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Top p</source>
        <translation>Top p</translation>
    </message>
    <message>
        <source>Top k</source>
        <translation>Top k</translation>
    </message>
    <message>
        <source>Min p</source>
        <translation>Min p</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>Max reply tokens</source>
        <translation>Höchstzahl der Antwort-Tokens</translation>
    </message>
    <message>
        <source>Thinking budget tokens</source>
        <translation>Token-Budget zum Nachdenken</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Kontextlänge</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>API port</source>
        <translation>API-Port</translation>
    </message>
    <message>
        <source>Min tokens per s</source>
        <translation>Mindestens Tokens pro s</translation>
    </message>
    <message>
        <source>KV memory budget (MB)</source>
        <translation>KV-Speicherbudget (MB)</translation>
    </message>
    <message>
        <source>Text size (%)</source>
        <translation>Textgröße (%)</translation>
    </message>
    <message>
        <source>{name} must be a number</source>
        <translation>{name} muss eine Zahl sein</translation>
    </message>
    <message>
        <source>{name} must be between {low} and {high} (got {value}).</source>
        <translation>{name} muss zwischen {low} und {high} liegen (erhalten: {value}).</translation>
    </message>
    <message>
        <source>Context length must be Auto or at least 256 tokens.</source>
        <translation>Die Kontextlänge muss „Automatisch“ oder mindestens 256 Tokens sein.</translation>
    </message>
    <message>
        <source>The KV cache type must be one of {choices} (got {value}).</source>
        <translation>Der KV-Cache-Typ muss einer von {choices} sein (erhalten: {value}).</translation>
    </message>
    <message>
        <source>The theme must be one of {choices} (got {value}).</source>
        <translation>Das Design muss eines von {choices} sein (erhalten: {value}).</translation>
    </message>
    <message>
        <source>The language must be one of {choices} or empty for the system's (got {value}).</source>
        <translation>Die Sprache muss eine von {choices} sein oder leer für die des Systems (erhalten: {value}).</translation>
    </message>
    <message>
        <source>The system prompt is too long (at most {count} characters).</source>
        <translation>Der Systemprompt ist zu lang (höchstens {count} Zeichen).</translation>
    </message>
    <message>
        <source>The hub address must be an https:// address (http:// only for this computer, e.g. a local mirror).</source>
        <translation>Die Hub-Adresse muss eine https://-Adresse sein (http:// nur für diesen Computer, z. B. einen lokalen Spiegel).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Full precision (f16)</source>
        <translation>Volle Genauigkeit (f16)</translation>
    </message>
    <message>
        <source>Half (q8_0)</source>
        <translation>Hälfte (q8_0)</translation>
    </message>
    <message>
        <source>Quarter (q4_0)</source>
        <translation>Viertel (q4_0)</translation>
    </message>
    <message>
        <source>How the model keeps the chat in memory. Half or a quarter of the memory lets longer chats fit; q4_0 may lower the answers' quality.</source>
        <translation>Wie das Modell den Chat im Speicher hält. Mit der Hälfte oder einem Viertel des Speichers passen längere Chats hinein; q4_0 kann die Qualität der Antworten mindern.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
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
        <source>Auto (fits this computer)</source>
        <translation>Automatisch (passend für diesen Computer)</translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <translation>{count} Tokens</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>What the model is told before every chat</source>
        <translation>Was das Modell vor jedem Chat gesagt bekommt</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Higher is more varied, 0 always picks the likeliest word</source>
        <translation>Höher ist abwechslungsreicher, 0 wählt immer das wahrscheinlichste Wort</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Only the likeliest words that together make up this share of the probability are considered</source>
        <translation>Nur die wahrscheinlichsten Wörter, die zusammen diesen Anteil der Wahrscheinlichkeit ausmachen, kommen in Frage</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Only this many of the likeliest words are considered</source>
        <translation>Nur so viele der wahrscheinlichsten Wörter kommen in Frage</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Words less likely than this share of the likeliest word's probability are left out</source>
        <translation>Wörter, die unwahrscheinlicher sind als dieser Anteil der Wahrscheinlichkeit des wahrscheinlichsten Worts, werden ausgelassen</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>Above 1, words already written are less likely again</source>
        <translation>Über 1 werden bereits geschriebene Wörter seltener wiederholt</translation>
    </message>
    <message>
        <source>Max reply tokens</source>
        <translation>Max. Tokens pro Antwort</translation>
    </message>
    <message>
        <source>The answer's length; a reasoning model's thought counts against the thinking budget instead</source>
        <translation>Die Länge der Antwort; das Nachdenken eines Reasoning-Modells zählt stattdessen zum Denkbudget</translation>
    </message>
    <message>
        <source>Thinking budget (tokens)</source>
        <translation>Denkbudget (Tokens)</translation>
    </message>
    <message>
        <source>How long a reasoning model may think before it must answer</source>
        <translation>Wie lange ein Reasoning-Modell nachdenken darf, bevor es antworten muss</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Light or dark colours, or those the system uses</source>
        <translation>Helle oder dunkle Farben oder die des Systems</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Systemsprache ({language})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language of the window; a new language applies when chatapp starts again</source>
        <translation>Die Sprache des Fensters; eine neue Sprache gilt ab dem nächsten Start von chatapp</translation>
    </message>
    <message>
        <source>A new language applies when chatapp starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von chatapp.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>The size of the text in the window, in percent of the system's (also Ctrl+= and Ctrl+-)</source>
        <translation>Die Größe des Texts im Fenster, in Prozent der Systemgröße (auch Strg+= und Strg+-)</translation>
    </message>
    <message>
        <source>Model and memory</source>
        <translation>Modell und Speicher</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Kontextlänge</translation>
    </message>
    <message>
        <source>How much of the chat the model reads at once, in tokens</source>
        <translation>Wie viel vom Chat das Modell auf einmal liest, in Tokens</translation>
    </message>
    <message>
        <source>Context memory (KV cache)</source>
        <translation>Kontextspeicher (KV-Cache)</translation>
    </message>
    <message>
        <source>About the context memory</source>
        <translation>Über den Kontextspeicher</translation>
    </message>
    <message>
        <source>Auto ({cores} physical cores)</source>
        <translation>Automatisch ({cores} physische Kerne)</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>How many of the processor's cores compute the replies</source>
        <translation>Wie viele Prozessorkerne die Antworten berechnen</translation>
    </message>
    <message>
        <source>Auto (a quarter of free memory, ≤ 2 GiB)</source>
        <translation>Automatisch (ein Viertel des freien Speichers, ≤ 2 GiB)</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Memory for chats left</source>
        <translation>Speicher für verlassene Chats</translation>
    </message>
    <message>
        <source>Memory that keeps the chats you left ready, so going back to one answers at once; more of them wait in the cache folder on disk</source>
        <translation>Speicher, der verlassene Chats bereithält, damit einer bei der Rückkehr sofort antwortet; weitere warten im Cache-Ordner auf der Festplatte</translation>
    </message>
    <message>
        <source> tokens/s</source>
        <translation> Tokens/s</translation>
    </message>
    <message>
        <source>Slowest speed worth waiting for</source>
        <translation>Langsamste noch akzeptable Geschwindigkeit</translation>
    </message>
    <message>
        <source>Among a model's quantizations, Models suggests the best one that answers at least this fast on this computer</source>
        <translation>Unter den Quantisierungen eines Modells schlägt „Modelle“ die beste vor, die auf diesem Computer mindestens so schnell antwortet</translation>
    </message>
    <message>
        <source>Model hub address</source>
        <translation>Adresse des Modell-Hubs</translation>
    </message>
    <message>
        <source>Where model search and downloads go: Hugging Face, or a mirror</source>
        <translation>Wohin Modellsuche und Downloads gehen: Hugging Face oder ein Spiegelserver</translation>
    </message>
    <message>
        <source>Sampling and the system prompt apply to the next reply. A new context length or context memory reloads the model.</source>
        <translation>Sampling und Systemprompt gelten ab der nächsten Antwort. Eine neue Kontextlänge oder ein neuer Kontextspeicher lädt das Modell neu.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Shows every setting's default; OK saves them</source>
        <translation>Zeigt für jede Einstellung den Standardwert; OK speichert sie</translation>
    </message>
    <message>
        <source>{model} takes {f16} with f16, {q8_0} with q8_0, {q4_0} with q4_0 per token.</source>
        <translation>{model} belegt pro Token {f16} mit f16, {q8_0} mit q8_0 und {q4_0} mit q4_0.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Message box</source>
        <translation>Nachrichtenfeld</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Neue Zeile</translation>
    </message>
    <message>
        <source>Next control</source>
        <translation>Nächstes Bedienelement</translation>
    </message>
    <message>
        <source>Chat list</source>
        <translation>Chatliste</translation>
    </message>
    <message>
        <source>Rename the chat</source>
        <translation>Chat umbenennen</translation>
    </message>
    <message>
        <source>Select several chats</source>
        <translation>Mehrere Chats auswählen</translation>
    </message>
    <message>
        <source>Find in chat</source>
        <translation>Im Chat suchen</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Close the bar</source>
        <translation>Leiste schließen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Weitere</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Every command with a shortcut, and its keys, by menu</source>
        <translation>Alle Befehle mit Tastenkürzel und ihre Tasten, nach Menü</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>SpeedEstimate</name>
    <message>
        <source>measured: {rate} tokens/s</source>
        <translation>gemessen: {rate} Tokens/s</translation>
    </message>
    <message>
        <source> · prompt {rate}/s</source>
        <translation> · Prompt {rate}/s</translation>
    </message>
    <message>
        <source>≈ {rate} tokens/s</source>
        <translation>≈ {rate} Tokens/s</translation>
    </message>
    <message>
        <source> · prompt ≈ {rate}/s</source>
        <translation> · Prompt ≈ {rate}/s</translation>
    </message>
    <message>
        <source>Measured on this computer: its last reply.</source>
        <translation>Auf diesem Computer gemessen: seine letzte Antwort.</translation>
    </message>
    <message numerus="yes">
        <source>Measured on this computer: the median of its last %n replies.</source>
        <translation>
            <numerusform>Auf diesem Computer gemessen: seine letzte Antwort.</numerusform>
            <numerusform>Auf diesem Computer gemessen: der Median seiner letzten %Ln Antworten.</numerusform>
        </translation>
    </message>
    <message>
        <source>calibrated with 1 reply of models run here</source>
        <translation>kalibriert mit 1 Antwort hier ausgeführter Modelle</translation>
    </message>
    <message numerus="yes">
        <source>calibrated with %n replies of models run here</source>
        <translation>
            <numerusform>kalibriert mit %Ln Antwort hier ausgeführter Modelle</numerusform>
            <numerusform>kalibriert mit %Ln Antworten hier ausgeführter Modelle</numerusform>
        </translation>
    </message>
    <message>
        <source>not yet calibrated: run a model and the numbers adjust to it</source>
        <translation>noch nicht kalibriert: Führen Sie ein Modell aus, dann passen sich die Zahlen an</translation>
    </message>
    <message>
        <source>Predicted for this computer from its measured memory speed and compute and the model's size and format ({basis}). Replies slow down as the chat gets longer.</source>
        <translation>Für diesen Computer vorhergesagt aus seiner gemessenen Speichergeschwindigkeit und Rechenleistung sowie der Größe und dem Format des Modells ({basis}). Antworten werden langsamer, je länger der Chat wird.</translation>
    </message>
</context>
<context>
    <name>SpeedLabel</name>
    <message>
        <source>measuring…</source>
        <translation>wird gemessen…</translation>
    </message>
    <message>
        <source>Measuring this computer's speed (once, about a second)…</source>
        <translation>Das Tempo dieses Computers wird gemessen (einmalig, etwa eine Sekunde)…</translation>
    </message>
    <message>
        <source>Speed on this computer: {speed}</source>
        <translation>Tempo auf diesem Computer: {speed}</translation>
    </message>
</context>
<context>
    <name>StarterModel</name>
    <message>
        <source>The starter model is not part of this installation. Run `make run` from the source folder (it installs it), or open a GGUF model file you already have.</source>
        <translation>Das Startmodell ist nicht Teil dieser Installation. Führen Sie `make run` im Quellordner aus (das installiert es) oder öffnen Sie eine GGUF-Modelldatei, die Sie bereits haben.</translation>
    </message>
    <message>
        <source>The bundled starter model at {path} is damaged (its checksum does not match). Reinstall chatapp.</source>
        <translation>Das mitgelieferte Startmodell unter {path} ist beschädigt (seine Prüfsumme stimmt nicht). Installieren Sie chatapp neu.</translation>
    </message>
    <message>
        <source>The starter model could not be copied into {folder}: {reason}. Free some disk space and try again.</source>
        <translation>Das Startmodell konnte nicht nach {folder} kopiert werden: {reason}. Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>What the app is doing</source>
        <translation>Was die App gerade tut</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Shown while the app is working</source>
        <translation>Wird angezeigt, während die App arbeitet</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <source>Loaded model</source>
        <translation>Geladenes Modell</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>The running download's progress</source>
        <translation>Fortschritt des laufenden Downloads</translation>
    </message>
    <message>
        <source>Context used</source>
        <translation>Belegter Kontext</translation>
    </message>
    <message>
        <source>API server</source>
        <translation>API-Server</translation>
    </message>
    <message>
        <source>The API server: other programs use the loaded model here</source>
        <translation>Der API-Server: Andere Programme nutzen hier das geladene Modell</translation>
    </message>
    <message>
        <source>Tokens the conversation takes of the model's context</source>
        <translation>Token, die die Unterhaltung vom Kontext des Modells belegt</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Context memory: {type} KV cache</source>
        <translation>Kontextspeicher: {type}-KV-Cache</translation>
    </message>
    <message>
        <source>Context memory: {type} KV cache, {size} per token</source>
        <translation>Kontextspeicher: {type}-KV-Cache, {size} pro Token</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Datei: {path}</translation>
    </message>
    <message>
        <source>{architecture}, {quantization}, {millions}M parameters, {size}</source>
        <translation>{architecture}, {quantization}, {millions} Mio. Parameter, {size}</translation>
    </message>
    <message>
        <source>Context {tokens} tokens ({reason}; the model's maximum is {maximum})</source>
        <translation>Kontext {tokens} Token ({reason}; das Maximum des Modells ist {maximum})</translation>
    </message>
    <message>
        <source>Threads {replies} for replies, {prompts} for prompts</source>
        <translation>Threads: {replies} für Antworten, {prompts} für Eingaben</translation>
    </message>
    <message>
        <source>Chat format: {template}</source>
        <translation>Chat-Format: {template}</translation>
    </message>
    <message>
        <source>Downloaded {name}; it is in the model list.</source>
        <translation>{name} heruntergeladen; es steht in der Modellliste.</translation>
    </message>
</context>
<context>
    <name>TemplateOverrides</name>
    <message>
        <source>Open Models ▸ Installed ▸ Chat template… to save it again or reset it to the model's own.</source>
        <translation>Öffnen Sie Modelle ▸ Installiert ▸ Chatvorlage…, um sie erneut zu speichern oder auf die des Modells zurückzusetzen.</translation>
    </message>
    <message>
        <source>Your chat template for {name} cannot be read ({reason}). {hint}</source>
        <translation>Ihre Chatvorlage für {name} kann nicht gelesen werden ({reason}). {hint}</translation>
    </message>
    <message>
        <source>Your chat template for {name} is larger than {limit}, more than any chat template needs, so it is not used. {hint}</source>
        <translation>Ihre Chatvorlage für {name} ist größer als {limit}, mehr als jede Chatvorlage braucht, daher wird sie nicht verwendet. {hint}</translation>
    </message>
    <message>
        <source>Your chat template for {name} is not text (it is not valid UTF-8), so it is not used. {hint}</source>
        <translation>Ihre Chatvorlage für {name} ist kein Text (kein gültiges UTF-8), daher wird sie nicht verwendet. {hint}</translation>
    </message>
    <message>
        <source>An empty chat template cannot be saved. To use the model's own template, reset to it instead.</source>
        <translation>Eine leere Chatvorlage kann nicht gespeichert werden. Um die Vorlage des Modells zu verwenden, setzen Sie stattdessen auf sie zurück.</translation>
    </message>
    <message>
        <source>The chat template holds characters that cannot be saved as text (at position {position}).</source>
        <translation>Die Chatvorlage enthält Zeichen, die nicht als Text gespeichert werden können (an Position {position}).</translation>
    </message>
    <message>
        <source>The chat template is {size}; chatapp keeps templates of up to {limit}.</source>
        <translation>Die Chatvorlage ist {size} groß; chatapp speichert Vorlagen bis {limit}.</translation>
    </message>
    <message>
        <source>Your chat template for {name} could not be saved ({reason}).</source>
        <translation>Ihre Chatvorlage für {name} konnte nicht gespeichert werden ({reason}).</translation>
    </message>
    <message>
        <source>Your chat template for {name} could not be removed ({reason}); it is in {folder}.</source>
        <translation>Ihre Chatvorlage für {name} konnte nicht entfernt werden ({reason}); sie liegt in {folder}.</translation>
    </message>
    <message>
        <source>{name} cannot be read ({reason}).</source>
        <translation>{name} kann nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <source>The model's own chat template is larger than {limit}, so chatapp does not use it.</source>
        <translation>Die eigene Chatvorlage des Modells ist größer als {limit}, daher verwendet chatapp sie nicht.</translation>
    </message>
    <message>
        <source>This model file has no chat template of its own.</source>
        <translation>Diese Modelldatei hat keine eigene Chatvorlage.</translation>
    </message>
</context>
<context>
    <name>ThinkingBlock</name>
    <message>
        <source>Shows or hides the model's thought</source>
        <translation>Zeigt oder verbirgt die Überlegung des Modells</translation>
    </message>
    <message>
        <source>Copy thought</source>
        <translation>Überlegung kopieren</translation>
    </message>
    <message>
        <source>Copy the model's thought, without the answer</source>
        <translation>Die Überlegung des Modells ohne die Antwort kopieren</translation>
    </message>
    <message>
        <source>The model's thought</source>
        <translation>Die Überlegung des Modells</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Denkt nach…</translation>
    </message>
    <message>
        <source>Thinking… {elapsed}</source>
        <translation>Denkt nach… {elapsed}</translation>
    </message>
    <message>
        <source>Thought (stopped)</source>
        <translation>Überlegt (angehalten)</translation>
    </message>
    <message>
        <source>Thought</source>
        <translation>Überlegt</translation>
    </message>
    <message>
        <source>Thought for {elapsed} (stopped)</source>
        <translation>{elapsed} überlegt (angehalten)</translation>
    </message>
    <message>
        <source>Thought for {elapsed}</source>
        <translation>{elapsed} überlegt</translation>
    </message>
</context>
<context>
    <name>TokenBox</name>
    <message>
        <source>Hugging Face token (only for gated models)</source>
        <translation>Hugging-Face-Token (nur für zugangsbeschränkte Modelle)</translation>
    </message>
    <message>
        <source>hf_… (create one at huggingface.co/settings/tokens)</source>
        <translation>hf_… (erstellen Sie eines unter huggingface.co/settings/tokens)</translation>
    </message>
    <message>
        <source>Hugging Face token</source>
        <translation>Hugging-Face-Token</translation>
    </message>
    <message>
        <source>A token of your Hugging Face account, for downloading gated models; it is kept in the system keyring, not shown</source>
        <translation>Ein Token Ihres Hugging-Face-Kontos zum Herunterladen zugangsbeschränkter Modelle; es wird im Schlüsselbund des Systems aufbewahrt und nicht angezeigt</translation>
    </message>
    <message>
        <source>Save in keyring</source>
        <translation>Im Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Stores the token typed in the system keyring</source>
        <translation>Speichert das eingegebene Token im Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the token</source>
        <translation>Token entfernen</translation>
    </message>
    <message>
        <source>Deletes the stored token from the system keyring</source>
        <translation>Löscht das gespeicherte Token aus dem Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>Token state</source>
        <translation>Token-Status</translation>
    </message>
    <message>
        <source>Looking in the keyring…</source>
        <translation>Der Schlüsselbund wird durchsucht…</translation>
    </message>
    <message>
        <source>A token is stored in the system keyring.</source>
        <translation>Im Schlüsselbund des Systems ist ein Token gespeichert.</translation>
    </message>
    <message>
        <source>No token stored. Public models need none.</source>
        <translation>Kein Token gespeichert. Öffentliche Modelle brauchen keines.</translation>
    </message>
    <message>
        <source>Saved in the system keyring. It is sent only to the hub, only for downloads and searches.</source>
        <translation>Im Schlüsselbund des Systems gespeichert. Es wird nur an den Hub gesendet, nur für Downloads und Suchen.</translation>
    </message>
    <message>
        <source>Saving in the keyring…</source>
        <translation>Wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>Removing from the keyring…</source>
        <translation>Wird aus dem Schlüsselbund entfernt…</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
</context>
</TS>
