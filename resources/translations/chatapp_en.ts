<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ApiServer</name>
    <message numerus="yes">
        <source>API: answering %n requests</source>
        <translation>
            <numerusform>API: answering %Ln request</numerusform>
            <numerusform>API: answering %Ln requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message numerus="yes">
        <source>{used} of %n passages</source>
        <translation>
            <numerusform>{used} of %Ln passage</numerusform>
            <numerusform>{used} of %Ln passages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchJob</name>
    <message numerus="yes">
        <source>%n rows at once</source>
        <translation>
            <numerusform>%Ln row at once</numerusform>
            <numerusform>%Ln rows at once</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The output already holds all %n rows: there is nothing left to answer. Choose another output file to answer them again.</source>
        <translation>
            <numerusform>The output already holds its %Ln row: there is nothing left to answer. Choose another output file to answer it again.</numerusform>
            <numerusform>The output already holds all %Ln rows: there is nothing left to answer. Choose another output file to answer them again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The output holds {done} of %n rows from an earlier run: Start answers the other {left}.</source>
        <translation>
            <numerusform>The output holds {done} of %Ln row from an earlier run: Start answers the other {left}.</numerusform>
            <numerusform>The output holds {done} of %Ln rows from an earlier run: Start answers the other {left}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done}/%n rows</source>
        <translation>
            <numerusform>{done}/%Ln row</numerusform>
            <numerusform>{done}/%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n rows in {output}</source>
        <translation>
            <numerusform>{done} of %Ln row in {output}</numerusform>
            <numerusform>{done} of %Ln rows in {output}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchWindow</name>
    <message numerus="yes">
        <source>%n rows ({kind}); columns: {columns}</source>
        <translation>
            <numerusform>%Ln row ({kind}); columns: {columns}</numerusform>
            <numerusform>%Ln rows ({kind}); columns: {columns}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>. %n rows cannot be read: their errors go to the output</source>
        <translation>
            <numerusform>. %Ln row cannot be read: its error goes to the output</numerusform>
            <numerusform>. %Ln rows cannot be read: their errors go to the output</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows at once</source>
        <translation>
            <numerusform>%Ln row at once</numerusform>
            <numerusform>%Ln rows at once</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows could not be answered: the output's error column says why.</source>
        <translation>
            <numerusform>%Ln row could not be answered: the output's error column says why.</numerusform>
            <numerusform>%Ln rows could not be answered: the output's error column says why.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatExport</name>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} ({used} of %n passages)</source>
        <translation>
            <numerusform>{name} ({used} of %Ln passage)</numerusform>
            <numerusform>{name} ({used} of %Ln passages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chats</source>
        <translation>
            <numerusform>%Ln chat</numerusform>
            <numerusform>%Ln chats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatImport</name>
    <message numerus="yes">
        <source>%n chats</source>
        <translation>
            <numerusform>%Ln chat</numerusform>
            <numerusform>%Ln chats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tool results</source>
        <translation>
            <numerusform>%Ln tool result</numerusform>
            <numerusform>%Ln tool results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image, audio or video attachments</source>
        <translation>
            <numerusform>%Ln image, audio or video attachment</numerusform>
            <numerusform>%Ln image, audio or video attachments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n empty chats</source>
        <translation>
            <numerusform>%Ln empty chat</numerusform>
            <numerusform>%Ln empty chats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message numerus="yes">
        <source>%n replies were cut off when the app last closed; what was written is kept.</source>
        <translation>
            <numerusform>%Ln reply was cut off when the app last closed; what was written is kept.</numerusform>
            <numerusform>%Ln replies were cut off when the app last closed; what was written is kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n presets to {file}.</source>
        <translation>
            <numerusform>Exported %Ln preset to {file}.</numerusform>
            <numerusform>Exported %Ln presets to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n presets: {names}.</source>
        <translation>
            <numerusform>Imported %Ln preset: {names}.</numerusform>
            <numerusform>Imported %Ln presets: {names}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatSettings</name>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatTemplateDialog</name>
    <message numerus="yes">
        <source>… (%n more characters)</source>
        <translation>
            <numerusform>… (%Ln more character)</numerusform>
            <numerusform>… (%Ln more characters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CitationsView</name>
    <message numerus="yes">
        <source>Show all %n sources</source>
        <translation>
            <numerusform>Show the %Ln source</numerusform>
            <numerusform>Show all %Ln sources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message numerus="yes">
        <source>A message takes at most {limit} files; %n were left out.</source>
        <translation>
            <numerusform>A message takes at most {limit} files; %Ln was left out.</numerusform>
            <numerusform>A message takes at most {limit} files; %Ln were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message numerus="yes">
        <source>%n chats deleted</source>
        <translation>
            <numerusform>%Ln chat deleted</numerusform>
            <numerusform>%Ln chats deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unpin %n chats</source>
        <translation>
            <numerusform>Unpin %Ln chat</numerusform>
            <numerusform>Unpin %Ln chats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pin %n chats to top</source>
        <translation>
            <numerusform>Pin %Ln chat to top</numerusform>
            <numerusform>Pin %Ln chats to top</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n chats…</source>
        <translation>
            <numerusform>Delete %Ln chat…</numerusform>
            <numerusform>Delete %Ln chats…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n chats</source>
        <translation>
            <numerusform>Delete %Ln chat</numerusform>
            <numerusform>Delete %Ln chats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n chats and all their messages?</source>
        <translation>
            <numerusform>Delete %Ln chat and all its messages?</numerusform>
            <numerusform>Delete %Ln chats and all their messages?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message numerus="yes">
        <source>The oldest %n messages no longer fit the model's context ({tokens} tokens), so they are left out of what the model reads. The system prompt is always kept.</source>
        <translation>
            <numerusform>The oldest %Ln message no longer fits the model's context ({tokens} tokens), so it is left out of what the model reads. The system prompt is always kept.</numerusform>
            <numerusform>The oldest %Ln messages no longer fit the model's context ({tokens} tokens), so they are left out of what the model reads. The system prompt is always kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n earlier messages</source>
        <translation>
            <numerusform>Show %Ln earlier message</numerusform>
            <numerusform>Show %Ln earlier messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentReader</name>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentsWording</name>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passages</source>
        <translation>
            <numerusform>%Ln passage</numerusform>
            <numerusform>%Ln passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%Ln waiting</numerusform>
            <numerusform>%Ln waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passages to embed</source>
        <translation>
            <numerusform>%Ln passage to embed</numerusform>
            <numerusform>%Ln passages to embed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InstalledTab</name>
    <message numerus="yes">
        <source>%n models, {size}, in {folder}</source>
        <translation>
            <numerusform>%Ln model, {size}, in {folder}</numerusform>
            <numerusform>%Ln models, {size}, in {folder}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocalDocumentsPane</name>
    <message numerus="yes">
        <source>{files}, %n could not be read (listed first, with why)</source>
        <translation>
            <numerusform>{files}, %Ln could not be read (listed first, with why)</numerusform>
            <numerusform>{files}, %Ln could not be read (listed first, with why)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{summary}; the first %n are shown</source>
        <translation>
            <numerusform>{summary}; the first %Ln is shown</numerusform>
            <numerusform>{summary}; the first %Ln are shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files read</source>
        <translation>
            <numerusform>%Ln file read</numerusform>
            <numerusform>%Ln files read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%Ln could not be read</numerusform>
            <numerusform>%Ln could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gone</source>
        <translation>
            <numerusform>%Ln gone</numerusform>
            <numerusform>%Ln gone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed while read (read again later)</source>
        <translation>
            <numerusform>%Ln changed while read (read again later)</numerusform>
            <numerusform>%Ln changed while read (read again later)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Delete this message and the %n after it? Other versions stay.</source>
        <translation>
            <numerusform>Delete this message and the %Ln after it? Other versions stay.</numerusform>
            <numerusform>Delete this message and the %Ln after it? Other versions stay.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n chats to {file}.</source>
        <translation>
            <numerusform>Exported %Ln chat to {file}.</numerusform>
            <numerusform>Exported %Ln chats to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n chats…</source>
        <translation>
            <numerusform>Importing %Ln chat…</numerusform>
            <numerusform>Importing %Ln chats…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelsPane</name>
    <message numerus="yes">
        <source>This computer: {memory} memory ({free} free), %n CPU cores. Models run on the CPU; their files stay in {folder}.</source>
        <translation>
            <numerusform>This computer: {memory} memory ({free} free), %Ln CPU core. Models run on the CPU; their files stay in {folder}.</numerusform>
            <numerusform>This computer: {memory} memory ({free} free), %Ln CPU cores. Models run on the CPU; their files stay in {folder}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoteServers</name>
    <message numerus="yes">
        <source>The server answers and lists %n models: {models} and {more} more.</source>
        <translation>
            <numerusform>The server answers and lists %Ln model: {models} and {more} more.</numerusform>
            <numerusform>The server answers and lists %Ln models: {models} and {more} more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server answers and lists %n models: {models}.</source>
        <translation>
            <numerusform>The server answers and lists %Ln model: {models}.</numerusform>
            <numerusform>The server answers and lists %Ln models: {models}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchTab</name>
    <message numerus="yes">
        <source>%n repositories with GGUF files, most downloaded first.</source>
        <translation>
            <numerusform>%Ln repository with GGUF files.</numerusform>
            <numerusform>%Ln repositories with GGUF files, most downloaded first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{repository}: %n GGUF models.</source>
        <translation>
            <numerusform>{repository}: %Ln GGUF model.</numerusform>
            <numerusform>{repository}: %Ln GGUF models.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n parts)</source>
        <translation>
            <numerusform>(%Ln part)</numerusform>
            <numerusform>(%Ln parts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpeedEstimate</name>
    <message numerus="yes">
        <source>Measured on this computer: the median of its last %n replies.</source>
        <translation>
            <numerusform>Measured on this computer: its last reply.</numerusform>
            <numerusform>Measured on this computer: the median of its last %Ln replies.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>calibrated with %n replies of models run here</source>
        <translation>
            <numerusform>calibrated with %Ln reply of a model run here</numerusform>
            <numerusform>calibrated with %Ln replies of models run here</numerusform>
        </translation>
    </message>
</context>
</TS>
