<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ApiServerSection</name>
    <message>
        <source>API server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve the loaded model to other programs (OpenAI-compatible API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network port the API server listens on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address other programs connect to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require an API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes a new key; the old one stops working when you press OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow other computers on the local network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save API chats to the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this key now: it is kept in the keyring and not shown again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer's address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other computers on your network can reach the model. Allow this only on a network you trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other computers on your network can reach the model, without a key. Allow this only on a network you trust.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatExport</name>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thought for {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached the reply length limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The context was full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{speed} tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first token {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({used} of 1 passage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{name} ({used} of %n passages)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of a source's place</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 message</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>There are no chats to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be written ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en</source>
        <comment>the language code of this translation</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ltr</source>
        <comment>this language's direction: ltr or rtl</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That chat is changing too fast to be exported; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no chat with the id {id} in the history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatImport</name>
    <message>
        <source>chatapp chat archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llama.cpp web UI export (JSONL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llama.cpp web UI export (ZIP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llama.cpp web UI export (older JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is neither a chatapp chat archive nor a llama.cpp web UI export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n chats</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>1 message</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>1 tool result</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tool results</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>1 image, audio or video attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image, audio or video attachments</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>1 empty chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n empty chats</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Imported {chats} ({messages}) from a {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the kinds of things left out</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Left out, as chatapp has no use for them: {parts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is larger than {size} MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be read ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no chats in this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}, its model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}, its stats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a SHA-256 in lowercase hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing or not 1 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}, citation {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numbers two citations the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names a message the chat does not have ({id})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not the path to 'active_leaf'</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a chatapp chat archive (its 'format' is not {name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its format version is missing or not a positive whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was written by a newer chatapp (chat format version {version}; this version reads up to {latest}). Update chatapp to import it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds more than {count} chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} has more than {count} messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} ({chat})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: a message comes before any chat (session) record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}, its message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive unpacks to more than {size} bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive has more than {count} files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive holds a file named {name}, which points outside the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive's file {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a ZIP archive chatapp can read ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has more than {count} attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with its attachments is longer than {count} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}, its timings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not user, assistant, system or tool ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be imported: {reason}. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it</source>
        <comment>the file, as the subject of a reason it is refused</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} is not UTF-8 text (at byte {byte})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} nests its JSON too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} is not valid JSON ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: '{key}' {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing or is not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than {count} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a whole number of a sensible size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a number of a sensible size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not an ISO 8601 date and time ({text})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not say its offset from UTC ({text})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is out of range ({text})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a date between the years 1 and 9999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nests deeper than {count} levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is larger than {count} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds text that is not valid Unicode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a whole number or a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too long for an id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing or is not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has more than {count} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: two messages have the id {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: message {number} follows a message that does not exist ({id})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: the messages form a cycle (message {number}, id {id}, is its own ancestor or follows one that is)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}, message {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}, attachment {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not one of {choices} ({value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds more than {count} messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadRow</name>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} ({percent}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size}/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{duration} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action}: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadsView</name>
    <message>
        <source>Downloads</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something unexpected went wrong while {doing} ({error}). This is a bug in chatapp; the details are in its log. Your chats are safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({error}). This is a bug in chatapp; the details are in its log. Your chats are safe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FitBadge</name>
    <message>
        <source>Memory fit: unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fit} (est.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unusable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory fit: {fit}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>1 byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} PB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count}B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count}M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{used} / {total} tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>That chat no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That message no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That reply no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history file {path} is damaged or is not a chatapp history. chatapp has left it as it is; move it aside to start a new history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat history is busy (another chatapp window may be saving). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full, so the chat history could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history file {path} could not be read or written ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat history could not be read or saved ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chat title cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown message role {role}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message state {state} is not allowed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not an attachment's hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown attachment use {usage}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citations are numbered 1, 2, 3 ... each once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An attachment's size cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown citation source {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This history was written by a newer version of chatapp (history format {version}; this version reads up to {latest}). Update chatapp to open it. The file was not changed: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history file {path} could not be created ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} is an SQLite database, but not a chatapp history. chatapp has left it as it is; move it aside to start a new history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history file {path} could not be upgraded ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat history is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That reply is no longer being written (it is {state}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message this one follows no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the last reply can be continued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That reply is still being written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup cannot replace the history it is made from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{target} is open in another program (its {suffix} file exists); choose another backup file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup {target} could not be written ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every imported chat needs its documents, or none does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message {id} appears twice in an imported chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message {id} of an imported chat follows a message that does not come before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An imported chat shows a message it does not have.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstalledTab</name>
    <message>
        <source>(custom template)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(embedding model, for Local documents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(loaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An embedding model: Local documents uses it. It cannot be loaded for chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use {file} where it is, or copy it into chatapp's models folder?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using it in place saves disk space; a copy keeps working if the original is moved or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use it where it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed models summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per model file on this computer: its size, architecture, quantization, context, whether it fits, its speed here and where it is; Enter or a double click loads it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loads the selected model for chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the selected model, after asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the folder that holds the selected model's file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View and edit the chat template this model's conversations are written in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a GGUF model file from elsewhere on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed models status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>models folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No models yet: download one from Recommended or Search, or import a GGUF file you already have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is loaded: load another one before deleting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {file} ({size}) from this computer? You can download it again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {file} from chatapp's list? The file itself stays in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved your chat template for {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} uses its own chat template again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a GGUF model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {file}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page, one file (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chatapp archive, every branch (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply finished: {start}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find, download and manage models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size {percent} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context: on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chat's replies come from {host}, which keeps its own context; chatapp does not measure it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a remote server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message can be asked again once the reply being written is done (or stopped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete this message and the %n after it? Other versions stay.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete this message and the one after it? Other versions stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this message? Other versions stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat history is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move it aside and start a new, empty history? The damaged file is kept next to it, not deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a removed server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a GGUF model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch job is running: chat replies wait until it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About chatapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat with language models that run offline on your own computer. No telemetry; no network unless you start a download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported 1 chat to {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n chats to {file}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Import chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat exports (*.json *.jsonl *.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing 1 chat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Importing %n chats…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export chat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;all chats…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import chats…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open model file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remote servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the starter model ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About chatapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search chats…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in chat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Default text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;message box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;chat list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New chat from &amp;preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelFit</name>
    <message>
        <source>Fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{weights} weights + {context_memory} context memory for {tokens} tokens ({per_token} per token with {kv_cache_type}) + {working} working memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{weights} weights + {context_memory} context memory for {tokens} tokens + {working} working memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated from the file size: needs about {needed} ({breakdown}); this computer has {total}, {free} free now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs about {needed} ({breakdown}); this computer has {total}, {free} free now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It would leave little memory for other programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close other programs first: it needs more than is free now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is more than this computer can spare even with other programs closed; choose a smaller model or a smaller quantization.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelLibrary</name>
    <message>
        <source>The list of imported models ({path}) cannot be read: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of models you imported from other folders was damaged, so chatapp kept it aside as {name} and starts a new list. Your model files are untouched: import them again (Models ▸ Installed ▸ Import).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of imported models could not be saved: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The models folder already has a file named {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying {name} needs {needed}, but only {free} is free in {folder}. Import it in place instead, or free some space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} could not be copied: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} could not be deleted: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuantGuidance</name>
    <message>
        <source>None of these files fits in this computer's memory; even {name} ({size}) needs more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{choice}, the fastest that fits; none reaches {rate} tokens/s on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{choice}; the best quality offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{choice}; {next} would not fit in memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{choice}; {next} would run at about {rate}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {size}, about {rate} tokens/s here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecommendedTab</name>
    <message>
        <source>Thinks before answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model reasons step by step before it replies: better at hard questions, but the answer starts later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model starts its answer straight away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For Local documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An embedding model: Local documents uses it to find passages by meaning. It does not chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat models chosen for computers without a graphics card, smallest first. The badge says whether each fits this computer's memory; hover it for the numbers. “{speed}” says how fast each would answer on this computer: predicted, or measured once it has answered here. Models marked “{thinks}” reason first: better at hard questions, slower to start replying. Models marked “{embedding}” do not chat: they let Local documents find passages by meaning, not only by their words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per recommended model, smallest first: its size, the memory it needs, whether it fits, its speed here and a button to download or load it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed: Local documents can use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action}: {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{model}: {answers}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchTab</name>
    <message>
        <source>★ suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search GGUF models on Hugging Face, e.g. qwen, llama 3.2, phi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words to look for in the names of GGUF repositories on Hugging Face; Enter searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searches the hub for the words in the search field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per repository with GGUF files, most downloaded first; select one to list its files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per model file of the selected repository: its quantization, size, whether it fits and its speed here; select one to read its header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads the selected file, once its header has been read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching {host}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(gated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No GGUF repositories match “{query}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing {repository}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is gated: downloading needs a Hugging Face token (below) and accepting its terms on the hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested here: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the header of {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture: {architecture}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context up to {tokens} tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{facts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs with this app's engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(incomplete)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max reply tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking budget tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min tokens per s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KV memory budget (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} must be between {low} and {high} (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context length must be Auto or at least 256 tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The KV cache type must be one of {choices} (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The theme must be one of {choices} (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language must be one of {choices} or empty for the system's (got {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system prompt is too long (at most {count} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub address must be an https:// address (http:// only for this computer, e.g. a local mirror).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Full precision (f16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half (q8_0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter (q4_0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the model keeps the chat in memory. Half or a quarter of the memory lets longer chats fit; q4_0 may lower the answers' quality.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
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
        <source>Auto (fits this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the model is told before every chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher is more varied, 0 always picks the likeliest word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the likeliest words that together make up this share of the probability are considered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this many of the likeliest words are considered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words less likely than this share of the likeliest word's probability are left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Above 1, words already written are less likely again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max reply tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer's length; a reasoning model's thought counts against the thinking budget instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking budget (tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a reasoning model may think before it must answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark colours, or those the system uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the window; a new language applies when chatapp starts again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when chatapp starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The size of the text in the window, in percent of the system's (also Ctrl+= and Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model and memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the chat the model reads at once, in tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context memory (KV cache)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto ({cores} physical cores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the processor's cores compute the replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto (a quarter of free memory, ≤ 2 GiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory for chats left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory that keeps the chats you left ready, so going back to one answers at once; more of them wait in the cache folder on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest speed worth waiting for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Among a model's quantizations, Models suggests the best one that answers at least this fast on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model hub address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where model search and downloads go: Hugging Face, or a mirror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling and the system prompt apply to the next reply. A new context length or context memory reloads the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows every setting's default; OK saves them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{model} takes {f16} with f16, {q8_0} with q8_0, {q4_0} with q4_0 per token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Message box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select several chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every command with a shortcut, and its keys, by menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeedEstimate</name>
    <message>
        <source>measured: {rate} tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · prompt {rate}/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ {rate} tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · prompt ≈ {rate}/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured on this computer: its last reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calibrated with 1 reply of models run here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet calibrated: run a model and the numbers adjust to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted for this computer from its measured memory speed and compute and the model's size and format ({basis}). Replies slow down as the chat gets longer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeedLabel</name>
    <message>
        <source>measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring this computer's speed (once, about a second)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed on this computer: {speed}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StarterModel</name>
    <message>
        <source>The starter model is not part of this installation. Run `make run` from the source folder (it installs it), or open a GGUF model file you already have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundled starter model at {path} is damaged (its checksum does not match). Reinstall chatapp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The starter model could not be copied into {folder}: {reason}. Free some disk space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the app is doing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown while the app is working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running download's progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API server: other programs use the loaded model here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens the conversation takes of the model's context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context memory: {type} KV cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context memory: {type} KV cache, {size} per token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{architecture}, {quantization}, {millions}M parameters, {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context {tokens} tokens ({reason}; the model's maximum is {maximum})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads {replies} for replies, {prompts} for prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat format: {template}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded {name}; it is in the model list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateOverrides</name>
    <message>
        <source>Open Models ▸ Installed ▸ Chat template… to save it again or reset it to the model's own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your chat template for {name} cannot be read ({reason}). {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your chat template for {name} is larger than {limit}, more than any chat template needs, so it is not used. {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your chat template for {name} is not text (it is not valid UTF-8), so it is not used. {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty chat template cannot be saved. To use the model's own template, reset to it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat template holds characters that cannot be saved as text (at position {position}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat template is {size}; chatapp keeps templates of up to {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your chat template for {name} could not be saved ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your chat template for {name} could not be removed ({reason}); it is in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cannot be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model's own chat template is larger than {limit}, so chatapp does not use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model file has no chat template of its own.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>New chat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
