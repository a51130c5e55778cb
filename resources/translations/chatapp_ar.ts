<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>ApiServer</name>
    <message>
        <source>API: answering 1 request</source>
        <translation>API: يجيب عن طلب واحد</translation>
    </message>
    <message numerus="yes">
        <source>API: answering %n requests</source>
        <translation>
            <numerusform>API: لا طلبات</numerusform>
            <numerusform>API: يجيب عن طلب واحد</numerusform>
            <numerusform>API: يجيب عن طلبين</numerusform>
            <numerusform>API: يجيب عن %Ln طلبات</numerusform>
            <numerusform>API: يجيب عن %Ln طلبًا</numerusform>
            <numerusform>API: يجيب عن %Ln طلب</numerusform>
        </translation>
    </message>
    <message>
        <source>API on the local network, port {port}</source>
        <translation>API على الشبكة المحلية، المنفذ {port}</translation>
    </message>
    <message>
        <source>API on {address}</source>
        <translation>API على {address}</translation>
    </message>
    <message>
        <source>The API server is set to require a key, but no key is stored in the keyring. Set a new key in Settings, API server, or turn the key off. The API server stays off meanwhile.</source>
        <translation>خادم API مضبوط على طلب مفتاح، لكن لا يوجد مفتاح محفوظ في حلقة المفاتيح. عيّن مفتاحًا جديدًا من الإعدادات، خادم API، أو أوقف طلب المفتاح. يبقى خادم API متوقفًا حتى ذلك الحين.</translation>
    </message>
    <message>
        <source>{reason} The API server stays off until its key can be read.</source>
        <translation>{reason} يبقى خادم API متوقفًا حتى يمكن قراءة مفتاحه.</translation>
    </message>
</context>
<context>
    <name>ApiServerSection</name>
    <message>
        <source>API server</source>
        <translation>خادم API</translation>
    </message>
    <message>
        <source>Serve the loaded model to other programs (OpenAI-compatible API)</source>
        <translation>إتاحة النموذج المحمَّل للبرامج الأخرى (واجهة API متوافقة مع OpenAI)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>المنفذ</translation>
    </message>
    <message>
        <source>The network port the API server listens on</source>
        <translation>منفذ الشبكة الذي يستمع عليه خادم API</translation>
    </message>
    <message>
        <source>Clients use</source>
        <translation>يستخدم العملاء</translation>
    </message>
    <message>
        <source>The address other programs connect to</source>
        <translation>العنوان الذي تتصل به البرامج الأخرى</translation>
    </message>
    <message>
        <source>Require an API key</source>
        <translation>طلب مفتاح API</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>مفتاح API</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>مفتاح جديد</translation>
    </message>
    <message>
        <source>Makes a new key; the old one stops working when you press OK</source>
        <translation>ينشئ مفتاحًا جديدًا؛ ويتوقف القديم عن العمل عند الضغط على موافق</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Allow other computers on the local network</source>
        <translation>السماح للحواسيب الأخرى على الشبكة المحلية</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>تحذير</translation>
    </message>
    <message>
        <source>Save API chats to the history</source>
        <translation>حفظ محادثات API في السجل</translation>
    </message>
    <message>
        <source>Copy this key now: it is kept in the keyring and not shown again</source>
        <translation>انسخ هذا المفتاح الآن: فهو يُحفظ في حلقة المفاتيح ولن يُعرض مرة أخرى</translation>
    </message>
    <message>
        <source>Kept in the keyring</source>
        <translation>محفوظ في حلقة المفاتيح</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>بلا مفتاح</translation>
    </message>
    <message>
        <source>this computer's address</source>
        <translation>عنوان هذا الحاسوب</translation>
    </message>
    <message>
        <source>Other computers on your network can reach the model. Allow this only on a network you trust.</source>
        <translation>يمكن للحواسيب الأخرى على شبكتك الوصول إلى النموذج. لا تسمح بذلك إلا على شبكة تثق بها.</translation>
    </message>
    <message>
        <source>Other computers on your network can reach the model, without a key. Allow this only on a network you trust.</source>
        <translation>يمكن للحواسيب الأخرى على شبكتك الوصول إلى النموذج دون مفتاح. لا تسمح بذلك إلا على شبكة تثق بها.</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>whole</source>
        <translation>كاملًا</translation>
    </message>
    <message>
        <source>{used} of 1 passage</source>
        <translation>{used} من مقطع واحد</translation>
    </message>
    <message numerus="yes">
        <source>{used} of %n passages</source>
        <translation>
            <numerusform>{used} من لا مقاطع</numerusform>
            <numerusform>{used} من مقطع واحد</numerusform>
            <numerusform>{used} من مقطعين</numerusform>
            <numerusform>{used} من %Ln مقاطع</numerusform>
            <numerusform>{used} من %Ln مقطعًا</numerusform>
            <numerusform>{used} من %Ln مقطع</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>إزالة {name}</translation>
    </message>
    <message>
        <source>Remove this file from the message</source>
        <translation>إزالة هذا الملف من الرسالة</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>قيد القراءة…</translation>
    </message>
    <message>
        <source>{name}: being read</source>
        <translation>{name}: قيد القراءة</translation>
    </message>
    <message>
        <source>{size} · {usage}</source>
        <translation>{size} · {usage}</translation>
    </message>
    <message>
        <source>The whole file went into the prompt.</source>
        <translation>دخل الملف كله في الموجِّه.</translation>
    </message>
    <message>
        <source>The passages most relevant to the question went into the prompt ({usage}).</source>
        <translation>دخلت المقاطع الأوثق صلة بالسؤال في الموجِّه ({usage}).</translation>
    </message>
    <message>
        <source>{name} ({size}, {kind}).</source>
        <translation>{name} ({size}، {kind}).</translation>
    </message>
    <message>
        <source>not attached</source>
        <translation>غير مرفق</translation>
    </message>
    <message>
        <source>Attached file {name}, {detail}</source>
        <translation>ملف مرفق {name}، {detail}</translation>
    </message>
</context>
<context>
    <name>AttachmentStore</name>
    <message>
        <source>{name} could not be read ({error}).</source>
        <translation>تعذّرت قراءة {name} ({error}).</translation>
    </message>
    <message>
        <source>The attached file</source>
        <translation>الملف المرفق</translation>
    </message>
    <message>
        <source>{name} is larger than {size} bytes, the most chatapp keeps of an attachment.</source>
        <translation>{name} أكبر من {size} بايت، وهو أقصى ما يحتفظ به chatapp من مرفق.</translation>
    </message>
    <message>
        <source>The disk is full, so the attached file could not be kept with the chat.</source>
        <translation>القرص ممتلئ، لذلك تعذّر الاحتفاظ بالملف المرفق مع المحادثة.</translation>
    </message>
    <message>
        <source>The attached file could not be kept in {folder} ({error}).</source>
        <translation>تعذّر الاحتفاظ بالملف المرفق في {folder} ({error}).</translation>
    </message>
    <message>
        <source>The private copy of this attachment is missing from the data folder ({path}); attach the file again.</source>
        <translation>النسخة الخاصة من هذا المرفق مفقودة من مجلد البيانات ({path})؛ أرفق الملف مرة أخرى.</translation>
    </message>
    <message>
        <source>The private copy of this attachment could not be read ({error}).</source>
        <translation>تعذّرت قراءة النسخة الخاصة من هذا المرفق ({error}).</translation>
    </message>
    <message>
        <source>The private copy of this attachment is damaged ({path}); attach the file again.</source>
        <translation>النسخة الخاصة من هذا المرفق تالفة ({path})؛ أرفق الملف مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Message</source>
        <translation>رسالة</translation>
    </message>
    <message>
        <source>Something that went wrong and what to do about it</source>
        <translation>ما الذي حدث من خطأ وما يمكن فعله حياله</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>إغلاق الرسالة</translation>
    </message>
</context>
<context>
    <name>BatchJob</name>
    <message>
        <source>{name} is not a CSV or JSONL file. Choose a .csv file (its first row names the columns), a .jsonl file (one JSON object per line), or a folder of text files.</source>
        <translation>{name} ليس ملف CSV أو JSONL. اختر ملف .csv (يحتوي سطره الأول على أسماء الأعمدة)، أو ملف .jsonl (كائن JSON واحد في كل سطر)، أو مجلدًا من الملفات النصية.</translation>
    </message>
    <message>
        <source>{name} is empty: there are no rows to answer.</source>
        <translation>{name} فارغ: لا توجد صفوف للإجابة عنها.</translation>
    </message>
    <message>
        <source>{name} has {count} rows; a batch job takes at most {most}. Split the file.</source>
        <translation>عدد الصفوف في {name} هو {count}؛ تقبل مهمة الدفعة {most} على الأكثر. قسّم الملف.</translation>
    </message>
    <message>
        <source>{name} has no rows to answer, only a header.</source>
        <translation>لا يحتوي {name} على صفوف للإجابة عنها، بل على سطر العناوين فقط.</translation>
    </message>
    <message>
        <source>{name} is {size} MB; a batch job reads at most {most} MB. Split the file.</source>
        <translation>حجم {name} هو {size} ميغابايت؛ تقرأ مهمة الدفعة {most} ميغابايت على الأكثر. قسّم الملف.</translation>
    </message>
    <message>
        <source>The input {path} does not exist. Choose another file.</source>
        <translation>الملف المُدخل {path} غير موجود. اختر ملفًا آخر.</translation>
    </message>
    <message>
        <source>The first line of {name} is empty: it should name the columns.</source>
        <translation>السطر الأول من {name} فارغ: يجب أن يحتوي على أسماء الأعمدة.</translation>
    </message>
    <message>
        <source>The first line of {name} (the column names) is not UTF-8 text. Save the file as UTF-8 and try again.</source>
        <translation>السطر الأول من {name} (أسماء الأعمدة) ليس نصًا بترميز UTF-8. احفظ الملف بترميز UTF-8 وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>{name} names the column {column} twice. Give every column its own name.</source>
        <translation>يسمّي {name} العمود {column} مرتين. امنح كل عمود اسمًا خاصًا به.</translation>
    </message>
    <message>
        <source>{name} is not a readable CSV file (line {line}: {error}).</source>
        <translation>{name} ليس ملف CSV قابلًا للقراءة (السطر {line}: {error}).</translation>
    </message>
    <message>
        <source>This row has {values} values, but the header names {columns} columns.</source>
        <translation>عدد القيم في هذا الصف {values}، لكن عدد الأعمدة في سطر العناوين {columns}.</translation>
    </message>
    <message>
        <source>This row is not valid UTF-8 text.</source>
        <translation>هذا الصف ليس نصًا صالحًا بترميز UTF-8.</translation>
    </message>
    <message>
        <source>A value in this row is longer than {count} characters.</source>
        <translation>إحدى القيم في هذا الصف أطول من {count} حرف.</translation>
    </message>
    <message>
        <source>Line {line} is not valid UTF-8 text.</source>
        <translation>السطر {line} ليس نصًا صالحًا بترميز UTF-8.</translation>
    </message>
    <message>
        <source>Line {line} is not valid JSON ({error}).</source>
        <translation>السطر {line} ليس JSON صالحًا ({error}).</translation>
    </message>
    <message>
        <source>Line {line} is not a JSON object.</source>
        <translation>السطر {line} ليس كائن JSON.</translation>
    </message>
    <message>
        <source>The value of {key} on line {line} is longer than {count} characters.</source>
        <translation>قيمة {key} في السطر {line} أطول من {count} حرف.</translation>
    </message>
    <message>
        <source>The value of {key} on line {line} holds a lone surrogate escape, which is not text.</source>
        <translation>تحتوي قيمة {key} في السطر {line} على تهريب بديل (surrogate) منفرد، وهو ليس نصًا.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be read: {error}.</source>
        <translation>تتعذّر قراءة المجلد {folder}: {error}.</translation>
    </message>
    <message>
        <source>The folder {name} holds no files: there are no rows to answer.</source>
        <translation>لا يحتوي المجلد {name} على ملفات: لا توجد صفوف للإجابة عنها.</translation>
    </message>
    <message>
        <source>The folder {name} holds {count} files; a batch job takes at most {most}.</source>
        <translation>عدد الملفات في المجلد {name} هو {count}؛ تقبل مهمة الدفعة {most} على الأكثر.</translation>
    </message>
    <message>
        <source>The files in {name} hold {size} MB; a batch job reads at most {most} MB. Split the folder.</source>
        <translation>حجم الملفات في {name} هو {size} ميغابايت؛ تقرأ مهمة الدفعة {most} ميغابايت على الأكثر. قسّم المجلد.</translation>
    </message>
    <message>
        <source>{name} is too long for one row.</source>
        <translation>{name} أطول من أن يكون صفًا واحدًا.</translation>
    </message>
    <message>
        <source>{name} is not valid UTF-8 text.</source>
        <translation>{name} ليس نصًا صالحًا بترميز UTF-8.</translation>
    </message>
    <message>
        <source>{name} is longer than {count} characters.</source>
        <translation>{name} أطول من {count} حرف.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {error}.</source>
        <translation>تتعذّر قراءة {name}: {error}.</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>صف واحد</translation>
    </message>
    <message numerus="yes">
        <source>%n rows at once</source>
        <translation>
            <numerusform>لا صفوف في آن واحد</numerusform>
            <numerusform>صف واحد في آن واحد</numerusform>
            <numerusform>صفّين في آن واحد</numerusform>
            <numerusform>%Ln صفوف في آن واحد</numerusform>
            <numerusform>%Ln صفًا في آن واحد</numerusform>
            <numerusform>%Ln صف في آن واحد</numerusform>
        </translation>
    </message>
    <message>
        <source>Answering {rows} with {tokens} tokens each needs about {needed} of memory ({context} for the rows' context, {cache} cache, and {working} working memory), but this computer has {free} free now, of which a batch job may use {budget}.</source>
        <translation>تتطلب الإجابة عن {rows} بعدد {tokens} رمز لكل صف نحو {needed} من الذاكرة ({context} لسياق الصفوف، وذاكرة تخزين مؤقت {cache}، و{working} ذاكرة عمل)، لكن المتاح الآن على هذا الحاسوب {free}، يمكن لمهمة الدفعة استخدام {budget} منها.</translation>
    </message>
    <message>
        <source>Answering {rows} with {tokens} tokens each needs an estimated {needed} of memory ({context} for the rows' context, {cache} cache, and {working} working memory), but this computer has {free} free now, of which a batch job may use {budget}.</source>
        <translation>تتطلب الإجابة عن {rows} بعدد {tokens} رمز لكل صف ما يُقدَّر بـ {needed} من الذاكرة ({context} لسياق الصفوف، وذاكرة تخزين مؤقت {cache}، و{working} ذاكرة عمل)، لكن المتاح الآن على هذا الحاسوب {free}، يمكن لمهمة الدفعة استخدام {budget} منها.</translation>
    </message>
    <message>
        <source>Answer at most {rows} rows at once or give each row at most {tokens} tokens of context, or close other programs.</source>
        <translation>أجب عن {rows} صفوف على الأكثر في آن واحد أو امنح كل صف {tokens} رمز سياق على الأكثر، أو أغلق برامج أخرى.</translation>
    </message>
    <message>
        <source>Answer at most {rows} rows at once, or close other programs.</source>
        <translation>أجب عن {rows} صفوف على الأكثر في آن واحد، أو أغلق برامج أخرى.</translation>
    </message>
    <message>
        <source>Give each row at most {tokens} tokens of context, or close other programs.</source>
        <translation>امنح كل صف {tokens} رمز سياق على الأكثر، أو أغلق برامج أخرى.</translation>
    </message>
    <message>
        <source>Answer fewer rows at once with a shorter context per row, or close other programs to free memory.</source>
        <translation>أجب عن صفوف أقل في آن واحد بسياق أقصر لكل صف، أو أغلق برامج أخرى لتحرير الذاكرة.</translation>
    </message>
    <message>
        <source>{name} is not a .csv or .jsonl file name. Name the output file.csv or file.jsonl.</source>
        <translation>{name} ليس اسم ملف .csv أو .jsonl. سمِّ ملف الإخراج file.csv أو file.jsonl.</translation>
    </message>
    <message>
        <source>The output {path} cannot be written: {error}.</source>
        <translation>تتعذّر الكتابة في ملف الإخراج {path}: {error}.</translation>
    </message>
    <message>
        <source>The output {path} cannot be read: {error}.</source>
        <translation>تتعذّر قراءة ملف الإخراج {path}: {error}.</translation>
    </message>
    <message>
        <source>The output {path} cannot be written: {error}. The rows done so far are saved; free some space and run the job again to go on.</source>
        <translation>تتعذّر الكتابة في ملف الإخراج {path}: {error}. حُفظت الصفوف المنجزة حتى الآن؛ حرّر بعض المساحة وشغّل المهمة مجددًا للمتابعة.</translation>
    </message>
    <message>
        <source>line {line} is not one of its records</source>
        <translation>السطر {line} ليس من سجلاته</translation>
    </message>
    <message>
        <source>it is not readable CSV: {error}</source>
        <translation>ليس CSV قابلًا للقراءة: {error}</translation>
    </message>
    <message>
        <source>its columns are not those of this input</source>
        <translation>أعمدته ليست أعمدة هذا الملف المُدخل</translation>
    </message>
    <message>
        <source>row {row} is not one of its records</source>
        <translation>الصف {row} ليس من سجلاته</translation>
    </message>
    <message>
        <source>its records were not written by a batch job</source>
        <translation>لم تكتب مهمة دفعة سجلاته</translation>
    </message>
    <message>
        <source>The output {name} already exists and does not hold this job's results ({reason}). Choose another output file, or move this one away.</source>
        <translation>ملف الإخراج {name} موجود بالفعل ولا يحتوي على نتائج هذه المهمة ({reason}). اختر ملف إخراج آخر، أو انقل هذا الملف.</translation>
    </message>
    <message numerus="yes">
        <source>The output already holds all %n rows: there is nothing left to answer. Choose another output file to answer them again.</source>
        <translation>
            <numerusform>يحتوي ملف الإخراج بالفعل على كل الصفوف: لم يبقَ شيء للإجابة عنه. اختر ملف إخراج آخر للإجابة عنها مجددًا.</numerusform>
            <numerusform>يحتوي ملف الإخراج بالفعل على الصف الوحيد: لم يبقَ شيء للإجابة عنه. اختر ملف إخراج آخر للإجابة عنه مجددًا.</numerusform>
            <numerusform>يحتوي ملف الإخراج بالفعل على الصفّين كليهما: لم يبقَ شيء للإجابة عنه. اختر ملف إخراج آخر للإجابة عنهما مجددًا.</numerusform>
            <numerusform>يحتوي ملف الإخراج بالفعل على الصفوف الـ%Ln كلها: لم يبقَ شيء للإجابة عنه. اختر ملف إخراج آخر للإجابة عنها مجددًا.</numerusform>
            <numerusform>يحتوي ملف الإخراج بالفعل على الصفوف الـ%Ln كلها: لم يبقَ شيء للإجابة عنه. اختر ملف إخراج آخر للإجابة عنها مجددًا.</numerusform>
            <numerusform>يحتوي ملف الإخراج بالفعل على الصفوف الـ%Ln كلها: لم يبقَ شيء للإجابة عنه. اختر ملف إخراج آخر للإجابة عنها مجددًا.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The output holds {done} of %n rows from an earlier run: Start answers the other {left}.</source>
        <translation>
            <numerusform>يحتوي ملف الإخراج على {done} من %Ln صف من تشغيل سابق: عند البدء يُجاب عن الـ{left} الباقية.</numerusform>
            <numerusform>يحتوي ملف الإخراج على {done} من صف واحد من تشغيل سابق: عند البدء يُجاب عن الـ{left} الباقية.</numerusform>
            <numerusform>يحتوي ملف الإخراج على {done} من صفّين من تشغيل سابق: عند البدء يُجاب عن الـ{left} الباقية.</numerusform>
            <numerusform>يحتوي ملف الإخراج على {done} من %Ln صفوف من تشغيل سابق: عند البدء يُجاب عن الـ{left} الباقية.</numerusform>
            <numerusform>يحتوي ملف الإخراج على {done} من %Ln صفًا من تشغيل سابق: عند البدء يُجاب عن الـ{left} الباقية.</numerusform>
            <numerusform>يحتوي ملف الإخراج على {done} من %Ln صف من تشغيل سابق: عند البدء يُجاب عن الـ{left} الباقية.</numerusform>
        </translation>
    </message>
    <message>
        <source>{speed} rows/s</source>
        <translation>{speed} صف/ث</translation>
    </message>
    <message>
        <source>{speed} tokens/s</source>
        <translation>{speed} رمز/ث</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>يتبقى {time}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between a job's rates</comment>
        <translation>، </translation>
    </message>
    <message numerus="yes">
        <source>{done}/%n rows</source>
        <translation>
            <numerusform>{done}/%Ln صف</numerusform>
            <numerusform>{done}/%Ln صف</numerusform>
            <numerusform>{done}/%Ln صف</numerusform>
            <numerusform>{done}/%Ln صفوف</numerusform>
            <numerusform>{done}/%Ln صفًا</numerusform>
            <numerusform>{done}/%Ln صف</numerusform>
        </translation>
    </message>
    <message>
        <source> ({count} failed)</source>
        <translation> ({count} فشلت)</translation>
    </message>
    <message>
        <source>{progress}, {rates}</source>
        <translation>{progress}، {rates}</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n rows in {output}</source>
        <translation>
            <numerusform>{done} من %Ln صف في {output}</numerusform>
            <numerusform>{done} من صف واحد في {output}</numerusform>
            <numerusform>{done} من صفّين في {output}</numerusform>
            <numerusform>{done} من %Ln صفوف في {output}</numerusform>
            <numerusform>{done} من %Ln صفًا في {output}</numerusform>
            <numerusform>{done} من %Ln صف في {output}</numerusform>
        </translation>
    </message>
    <message>
        <source> ({count} with an error)</source>
        <translation> ({count} منها بخطأ)</translation>
    </message>
    <message>
        <source>; {count} were there from an earlier run</source>
        <translation>؛ {count} منها من تشغيل سابق</translation>
    </message>
    <message>
        <source>; {time}, {speed} tokens/s.</source>
        <translation>؛ {time}، {speed} رمز/ث.</translation>
    </message>
    <message>
        <source>; {time}.</source>
        <translation>؛ {time}.</translation>
    </message>
    <message>
        <source>The prompt template is empty. Write the prompt to send for each row, with {placeholder} where a column's value goes.</source>
        <translation>قالب الموجّه فارغ. اكتب الموجّه الذي يُرسَل لكل صف، مع {placeholder} حيث توضع قيمة العمود.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between column names</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>The prompt template uses {names}, but the input has no such column (its columns: {columns}). Change the template or choose another input.</source>
        <translation>يستخدم قالب الموجّه {names}، لكن الملف المُدخل لا يحتوي على هذا العمود (أعمدته: {columns}). غيّر القالب أو اختر ملفًا مُدخلًا آخر.</translation>
    </message>
    <message>
        <source>This row has no value for {placeholder}.</source>
        <translation>لا توجد في هذا الصف قيمة لـ {placeholder}.</translation>
    </message>
    <message>
        <source>The prompt template has a lone {brace} (at character {position}). Write {escaped} for a literal brace.</source>
        <translation>يحتوي قالب الموجّه على {brace} منفرد (عند المحرف {position}). اكتب {escaped} لقوس حرفي.</translation>
    </message>
    <message>
        <source>The prompt template opens a placeholder at character {position} and does not close it. Write {placeholder}, or {escaped} for a literal brace.</source>
        <translation>يفتح قالب الموجّه عنصرًا نائبًا عند المحرف {position} ولا يغلقه. اكتب {placeholder}، أو {escaped} لقوس حرفي.</translation>
    </message>
    <message>
        <source>The prompt template has an empty placeholder {empty}. Name a column inside the braces, or write {escaped} for literal braces.</source>
        <translation>يحتوي قالب الموجّه على عنصر نائب فارغ {empty}. اكتب اسم عمود داخل القوسين، أو اكتب {escaped} لأقواس حرفية.</translation>
    </message>
</context>
<context>
    <name>BatchRun</name>
    <message>
        <source>The batch job was cancelled before it started.</source>
        <translation>أُلغيت المهمة الدفعية قبل أن تبدأ.</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model first, then start the job again.</source>
        <translation>لا يوجد نموذج محمَّل. حمّل نموذجًا أولًا، ثم ابدأ المهمة من جديد.</translation>
    </message>
    <message>
        <source>running the batch job</source>
        <translation>تشغيل المهمة الدفعية</translation>
    </message>
</context>
<context>
    <name>BatchWindow</name>
    <message>
        <source>Tables (*.csv *.jsonl *.ndjson);;All files (*)</source>
        <translation>الجداول (*.csv *.jsonl *.ndjson);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>While the job runs, chat replies wait for it.</source>
        <translation>ما دامت المهمة تعمل، تنتظرها ردود المحادثة.</translation>
    </message>
    <message>
        <source>text files</source>
        <translation>ملفات نصية</translation>
    </message>
    <message>
        <source>Batch jobs</source>
        <translation>المهام الدفعية</translation>
    </message>
    <message>
        <source>Answer a prompt for every row of a file with the loaded model, several rows at once. Each finished row is written to the output at once; a job that was stopped resumes where it stopped.</source>
        <translation>أجب عن موجّه لكل صف من ملف بالنموذج المحمَّل، عدة صفوف في آن واحد. يُكتب كل صف مكتمل في المخرجات فورًا؛ والمهمة التي أُوقفت تُستأنف من حيث توقفت.</translation>
    </message>
    <message>
        <source>Prompt template</source>
        <translation>قالب الموجّه</translation>
    </message>
    <message>
        <source>The prompt for each row; {column} takes the row's value of that column</source>
        <translation>الموجّه لكل صف؛ يأخذ {column} قيمة الصف في ذلك العمود</translation>
    </message>
    <message>
        <source>Summarize this review in one sentence: {text}

{column} takes the row's value of that column; {{ and }} write braces.</source>
        <translation>لخّص هذه المراجعة في جملة واحدة: {text}

يأخذ {column} قيمة الصف في ذلك العمود؛ و{{ و}} تكتبان أقواسًا معقوفة.</translation>
    </message>
    <message>
        <source>Prompt problem</source>
        <translation>مشكلة في الموجّه</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>الموجّه</translation>
    </message>
    <message>
        <source>Input file</source>
        <translation>ملف الإدخال</translation>
    </message>
    <message>
        <source>A .csv or .jsonl file, or a folder of text files</source>
        <translation>ملف .csv أو .jsonl، أو مجلد ملفات نصية</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>ملف…</translation>
    </message>
    <message>
        <source>Choose the input file</source>
        <translation>اختر ملف الإدخال</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>مجلد…</translation>
    </message>
    <message>
        <source>Choose a folder of text files as the input</source>
        <translation>اختر مجلد ملفات نصية كإدخال</translation>
    </message>
    <message>
        <source>The input's rows and columns</source>
        <translation>صفوف الإدخال وأعمدته</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>الإدخال</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>ملف المخرجات</translation>
    </message>
    <message>
        <source>replies.csv or replies.jsonl</source>
        <translation>replies.csv أو replies.jsonl</translation>
    </message>
    <message>
        <source>A .csv or .jsonl file; one that holds rows already resumes</source>
        <translation>ملف .csv أو .jsonl؛ وإن كان يحوي صفوفًا بالفعل تُستأنف المهمة</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Choose the output file</source>
        <translation>اختر ملف المخرجات</translation>
    </message>
    <message>
        <source>What the output holds</source>
        <translation>ما تحويه المخرجات</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>المخرجات</translation>
    </message>
    <message>
        <source>Rows answered at once: more rows per second, more memory</source>
        <translation>صفوف يُجاب عنها في آن واحد: صفوف أكثر في الثانية، وذاكرة أكثر</translation>
    </message>
    <message>
        <source>The longest reply a row gets, in tokens</source>
        <translation>أطول رد يحصل عليه الصف، بالرموز</translation>
    </message>
    <message>
        <source>Each row's prompt and reply must fit in this many tokens (at most the loaded model's context)</source>
        <translation>يجب أن يتسع موجّه كل صف ورده لهذا العدد من الرموز (بحد أقصى سياق النموذج المحمَّل)</translation>
    </message>
    <message>
        <source>Rows at once</source>
        <translation>صفوف في آن واحد</translation>
    </message>
    <message>
        <source>Tokens per reply</source>
        <translation>رموز لكل رد</translation>
    </message>
    <message>
        <source>Context per row</source>
        <translation>السياق لكل صف</translation>
    </message>
    <message>
        <source>Memory the job needs</source>
        <translation>الذاكرة التي تحتاجها المهمة</translation>
    </message>
    <message>
        <source>What Start needs</source>
        <translation>ما يحتاجه «بدء»</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>بدء</translation>
    </message>
    <message>
        <source>Answers the rows not in the output yet</source>
        <translation>يجيب عن الصفوف التي ليست في المخرجات بعد</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stop after the current step; the rows done stay in the output, and Start resumes</source>
        <translation>التوقف بعد الخطوة الحالية؛ تبقى الصفوف المنجزة في المخرجات، و«بدء» يستأنف</translation>
    </message>
    <message>
        <source>%v / %m rows</source>
        <translation>%v / %m صف</translation>
    </message>
    <message>
        <source>Rows answered</source>
        <translation>الصفوف المُجاب عنها</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>السرعة</translation>
    </message>
    <message>
        <source>Rows not answered</source>
        <translation>صفوف لم يُجب عنها</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>المهمة</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>مشكلة</translation>
    </message>
    <message>
        <source>Batch input</source>
        <translation>إدخال المهمة الدفعية</translation>
    </message>
    <message>
        <source>A folder of text files</source>
        <translation>مجلد ملفات نصية</translation>
    </message>
    <message>
        <source>Batch output</source>
        <translation>مخرجات المهمة الدفعية</translation>
    </message>
    <message>
        <source>Reading the input…</source>
        <translation>جارٍ قراءة الإدخال…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>1 row ({kind}); columns: {columns}</source>
        <translation>صف واحد ({kind})؛ الأعمدة: {columns}</translation>
    </message>
    <message numerus="yes">
        <source>%n rows ({kind}); columns: {columns}</source>
        <translation>
            <numerusform>لا صفوف ({kind})؛ الأعمدة: {columns}</numerusform>
            <numerusform>صف واحد ({kind})؛ الأعمدة: {columns}</numerusform>
            <numerusform>صفان ({kind})؛ الأعمدة: {columns}</numerusform>
            <numerusform>%Ln صفوف ({kind})؛ الأعمدة: {columns}</numerusform>
            <numerusform>%Ln صفًا ({kind})؛ الأعمدة: {columns}</numerusform>
            <numerusform>%Ln صف ({kind})؛ الأعمدة: {columns}</numerusform>
        </translation>
    </message>
    <message>
        <source>. 1 row cannot be read: its error goes to the output</source>
        <translation>. تعذّرت قراءة صف واحد: يُكتب خطؤه في المخرجات</translation>
    </message>
    <message numerus="yes">
        <source>. %n rows cannot be read: their errors go to the output</source>
        <translation>
            <numerusform>. لا صفوف تعذّرت قراءتها</numerusform>
            <numerusform>. تعذّرت قراءة صف واحد: يُكتب خطؤه في المخرجات</numerusform>
            <numerusform>. تعذّرت قراءة صفين: تُكتب أخطاؤهما في المخرجات</numerusform>
            <numerusform>. تعذّرت قراءة %Ln صفوف: تُكتب أخطاؤها في المخرجات</numerusform>
            <numerusform>. تعذّرت قراءة %Ln صفًا: تُكتب أخطاؤها في المخرجات</numerusform>
            <numerusform>. تعذّرت قراءة %Ln صف: تُكتب أخطاؤها في المخرجات</numerusform>
        </translation>
    </message>
    <message>
        <source>Load a model first: the job runs on the loaded model.</source>
        <translation>حمّل نموذجًا أولًا: تعمل المهمة على النموذج المحمَّل.</translation>
    </message>
    <message>
        <source>Write the prompt, with {column} where a column's value goes.</source>
        <translation>اكتب الموجّه، مع {column} حيث توضع قيمة العمود.</translation>
    </message>
    <message>
        <source>Choose the input: a CSV or JSONL file, or a folder of text files.</source>
        <translation>اختر الإدخال: ملف CSV أو JSONL، أو مجلد ملفات نصية.</translation>
    </message>
    <message>
        <source>Name the output: a .csv or .jsonl file.</source>
        <translation>سمِّ المخرجات: ملف .csv أو .jsonl.</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>صف واحد</translation>
    </message>
    <message numerus="yes">
        <source>%n rows at once</source>
        <translation>
            <numerusform>لا صفوف</numerusform>
            <numerusform>صف واحد</numerusform>
            <numerusform>صفان في آن واحد</numerusform>
            <numerusform>%Ln صفوف في آن واحد</numerusform>
            <numerusform>%Ln صفًا في آن واحد</numerusform>
            <numerusform>%Ln صف في آن واحد</numerusform>
        </translation>
    </message>
    <message>
        <source>The job needs about {needed} of memory ({rows}, {tokens} tokens each); {free} is free.</source>
        <translation>تحتاج المهمة إلى نحو {needed} من الذاكرة ({rows}، {tokens} رمز لكل منها)؛ والمتاح {free}.</translation>
    </message>
    <message>
        <source>Starting… (after the reply or job the model is busy with, if any)</source>
        <translation>جارٍ البدء… (بعد الرد أو المهمة التي يعمل عليها النموذج، إن وُجدت)</translation>
    </message>
    <message>
        <source>Paused. The model waits, and so do chat replies: Resume, or Cancel to free it.</source>
        <translation>متوقفة مؤقتًا. النموذج ينتظر، وكذلك ردود المحادثة: «استئناف»، أو «إلغاء» لتحريره.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
    <message>
        <source>Goes on with the job</source>
        <translation>يواصل المهمة</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
    <message>
        <source>Holds the job after the current step; chat replies wait while it is paused</source>
        <translation>يوقف المهمة بعد الخطوة الحالية؛ وتنتظر ردود المحادثة ما دامت متوقفة</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>جارٍ الإلغاء بعد الخطوة الحالية…</translation>
    </message>
    <message>
        <source>Answering the first rows…</source>
        <translation>جارٍ الإجابة عن الصفوف الأولى…</translation>
    </message>
    <message>
        <source>Latest: row {row} ({id}): {error}</source>
        <translation>الأحدث: الصف {row} ({id}): {error}</translation>
    </message>
    <message>
        <source>1 row could not be answered: the output's error column says why.</source>
        <translation>تعذّرت الإجابة عن صف واحد: عمود الخطأ في المخرجات يذكر السبب.</translation>
    </message>
    <message numerus="yes">
        <source>%n rows could not be answered: the output's error column says why.</source>
        <translation>
            <numerusform>لم يتعذّر الإجابة عن أي صف.</numerusform>
            <numerusform>تعذّرت الإجابة عن صف واحد: عمود الخطأ في المخرجات يذكر السبب.</numerusform>
            <numerusform>تعذّرت الإجابة عن صفين: عمود الخطأ في المخرجات يذكر السبب.</numerusform>
            <numerusform>تعذّرت الإجابة عن %Ln صفوف: عمود الخطأ في المخرجات يذكر السبب.</numerusform>
            <numerusform>تعذّرت الإجابة عن %Ln صفًا: عمود الخطأ في المخرجات يذكر السبب.</numerusform>
            <numerusform>تعذّرت الإجابة عن %Ln صف: عمود الخطأ في المخرجات يذكر السبب.</numerusform>
        </translation>
    </message>
    <message>
        <source>the output</source>
        <translation>المخرجات</translation>
    </message>
    <message>
        <source>Cancelled: {summary} Start again to answer the rest.</source>
        <translation>أُلغيت: {summary} ابدأ من جديد للإجابة عن الباقي.</translation>
    </message>
    <message>
        <source>Done: {summary}</source>
        <translation>انتهت: {summary}</translation>
    </message>
    <message>
        <source>Stop the batch job?</source>
        <translation>هل تريد إيقاف المهمة الدفعية؟</translation>
    </message>
    <message>
        <source>A batch job is running. Stop it and close the window? The rows done so far stay in the output; Start with the same output answers the rest.</source>
        <translation>مهمة دفعية قيد التشغيل. هل تريد إيقافها وإغلاق النافذة؟ تبقى الصفوف المنجزة حتى الآن في المخرجات؛ و«بدء» بالمخرجات نفسها يجيب عن الباقي.</translation>
    </message>
</context>
<context>
    <name>BatchedGeneration</name>
    <message>
        <source>There is not enough memory to answer {rows} rows at once with {tokens} tokens each. Answer fewer rows at once, or give each row a shorter context.</source>
        <translation>لا توجد ذاكرة كافية للرد على {rows} صفوف معًا بـ {tokens} رمز لكل منها. أجب عن صفوف أقل في المرة الواحدة، أو أعطِ كل صف سياقًا أقصر.</translation>
    </message>
    <message>
        <source>The prompt is empty: there is nothing to answer.</source>
        <translation>الموجّه فارغ: لا يوجد ما يُجاب عنه.</translation>
    </message>
    <message>
        <source>The prompt ({tokens} tokens) does not fit the context of one row ({context} tokens). Shorten this row's text, or give each row a longer context.</source>
        <translation>لا يتسع الموجّه ({tokens} رمز) في سياق صف واحد ({context} رمز). اختصر نص هذا الصف، أو أعطِ كل صف سياقًا أطول.</translation>
    </message>
    <message>
        <source>The model could not process the batch (llama.cpp error {code}). Answer fewer rows at once.</source>
        <translation>تعذّر على النموذج معالجة الدفعة (خطأ llama.cpp رقم {code}). أجب عن صفوف أقل في المرة الواحدة.</translation>
    </message>
</context>
<context>
    <name>BranchSwitcher</name>
    <message>
        <source>Previous version</source>
        <translation>الإصدار السابق</translation>
    </message>
    <message>
        <source>Show the previous version of this message</source>
        <translation>عرض الإصدار السابق من هذه الرسالة</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>الإصدار التالي</translation>
    </message>
    <message>
        <source>Show the next version of this message</source>
        <translation>عرض الإصدار التالي من هذه الرسالة</translation>
    </message>
    <message>
        <source>{index}/{count}</source>
        <translation>{index}/{count}</translation>
    </message>
    <message>
        <source>Version {index} of {count}</source>
        <translation>الإصدار {index} من {count}</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>Small, fast embedding model for Local documents (English, 384 dimensions): indexing runs quickly on any computer.</source>
        <translation>نموذج تضمين صغير وسريع لـ«المستندات المحلية» (الإنجليزية، 384 بُعدًا): تجري الفهرسة بسرعة على أي حاسوب.</translation>
    </message>
    <message>
        <source>The tiny starter model: instant on any computer, good for trying the app, weak at facts and reasoning.</source>
        <translation>نموذج البداية الصغير جدًا: فوري على أي حاسوب، جيد لتجربة التطبيق، ضعيف في الحقائق والاستدلال.</translation>
    </message>
    <message>
        <source>Embedding model for Local documents: finds passages by meaning, in English, across long texts (8K trained).</source>
        <translation>نموذج تضمين لـ«المستندات المحلية»: يجد المقاطع بحسب المعنى، بالإنجليزية، عبر النصوص الطويلة (مدرَّب على 8K).</translation>
    </message>
    <message>
        <source>A very small, fast English model for short answers and simple rewriting.</source>
        <translation>نموذج إنجليزي صغير جدًا وسريع للإجابات القصيرة وإعادة الصياغة البسيطة.</translation>
    </message>
    <message>
        <source>The smallest Qwen3, with an optional thinking mode; good for quick, simple tasks.</source>
        <translation>أصغر نموذج Qwen3، مع وضع تفكير اختياري؛ جيد للمهام السريعة والبسيطة.</translation>
    </message>
    <message>
        <source>Alibaba's smallest Qwen2.5: quick and multilingual, fine for short summaries and simple questions.</source>
        <translation>أصغر Qwen2.5 من Alibaba: سريع ومتعدد اللغات، مناسب للملخصات القصيرة والأسئلة البسيطة.</translation>
    </message>
    <message>
        <source>The smallest current Qwen: multilingual and quick; answers directly unless asked to think.</source>
        <translation>أصغر Qwen حالي: متعدد اللغات وسريع؛ يجيب مباشرة ما لم يُطلب منه التفكير.</translation>
    </message>
    <message>
        <source>Liquid AI's fast hybrid model for on-device chat; quick replies on any laptop.</source>
        <translation>نموذج Liquid AI الهجين السريع للمحادثة على الجهاز؛ ردود سريعة على أي حاسوب محمول.</translation>
    </message>
    <message>
        <source>Liquid AI's small reasoning model: works a problem through before answering.</source>
        <translation>نموذج الاستدلال الصغير من Liquid AI: يحلّ المسألة خطوة خطوة قبل أن يجيب.</translation>
    </message>
    <message>
        <source>Google's small Gemma 3: multilingual, friendly answers, fast on any recent laptop.</source>
        <translation>Gemma 3 الصغير من Google: متعدد اللغات، إجابات ودودة، سريع على أي حاسوب محمول حديث.</translation>
    </message>
    <message>
        <source>Meta's small Llama: quick everyday chat and summaries with a long context.</source>
        <translation>Llama الصغير من Meta: محادثات يومية سريعة وملخصات مع سياق طويل.</translation>
    </message>
    <message>
        <source>A capable small Qwen3 with an optional thinking mode; runs well on older machines.</source>
        <translation>نموذج Qwen3 صغير وقدير مع وضع تفكير اختياري؛ يعمل جيدًا على الأجهزة الأقدم.</translation>
    </message>
    <message>
        <source>A good balance of speed and quality for everyday questions, in many languages.</source>
        <translation>توازن جيد بين السرعة والجودة للأسئلة اليومية، بلغات كثيرة.</translation>
    </message>
    <message>
        <source>A capable small Qwen3.5 in 201 languages; answers directly unless asked to think.</source>
        <translation>نموذج Qwen3.5 صغير وقدير بـ 201 لغة؛ يجيب مباشرة ما لم يُطلب منه التفكير.</translation>
    </message>
    <message>
        <source>IBM's compact business-oriented model: careful instruction following and a long context.</source>
        <translation>نموذج IBM المدمج الموجّه للأعمال: يتبع التعليمات بعناية ولديه سياق طويل.</translation>
    </message>
    <message>
        <source>Hugging Face's fully open 3B model; thinks before answering unless told /no_think.</source>
        <translation>نموذج Hugging Face المفتوح بالكامل بحجم 3B؛ يفكّر قبل أن يجيب ما لم يُقَل له /no_think.</translation>
    </message>
    <message>
        <source>Meta's mid-size small Llama: good writing and everyday chat on most laptops.</source>
        <translation>Llama الصغير متوسط الحجم من Meta: كتابة جيدة ومحادثات يومية على معظم الحواسيب المحمولة.</translation>
    </message>
    <message>
        <source>Google's mid-size Gemma 3: strong multilingual writing and explanations (text only here).</source>
        <translation>Gemma 3 متوسط الحجم من Google: كتابة وشروح قوية بلغات متعددة (نص فقط هنا).</translation>
    </message>
    <message>
        <source>Microsoft's 3.8B model: good at maths and code for its size, with a long context.</source>
        <translation>نموذج Microsoft بحجم 3.8B: جيد في الرياضيات والبرمجة بالنسبة لحجمه، مع سياق طويل.</translation>
    </message>
    <message>
        <source>A strong small all-rounder with an optional thinking mode; a good default on 8 GB computers.</source>
        <translation>نموذج صغير قوي متعدد الاستخدامات مع وضع تفكير اختياري؛ خيار افتراضي جيد على حواسيب 8 غ.ب.</translation>
    </message>
    <message>
        <source>The July 2025 Qwen3 4B that answers straight away, without a thinking phase.</source>
        <translation>نموذج Qwen3 4B الصادر في يوليو 2025 الذي يجيب فورًا، دون مرحلة تفكير.</translation>
    </message>
    <message>
        <source>A strong current all-rounder that thinks before answering; a good pick for 8 GB computers.</source>
        <translation>نموذج حالي قوي متعدد الاستخدامات يفكّر قبل أن يجيب؛ اختيار جيد لحواسيب 8 غ.ب.</translation>
    </message>
    <message>
        <source>Qwen3's 8B: better answers and an optional thinking mode; wants 16 GB of memory.</source>
        <translation>نموذج Qwen3 بحجم 8B: إجابات أفضل ووضع تفكير اختياري؛ يحتاج إلى 16 غ.ب من الذاكرة.</translation>
    </message>
    <message>
        <source>The best Qwen3.5 for a CPU: thinks before answering; wants 16 GB of memory.</source>
        <translation>أفضل Qwen3.5 للمعالج: يفكّر قبل أن يجيب؛ يحتاج إلى 16 غ.ب من الذاكرة.</translation>
    </message>
    <message>
        <source>OpenAI's open-weight reasoning model, the large one here: reads 3.6B weights a token; wants 16 GB.</source>
        <translation>نموذج الاستدلال مفتوح الأوزان من OpenAI، الكبير هنا: يقرأ 3.6B من الأوزان لكل رمز؛ يحتاج إلى 16 غ.ب.</translation>
    </message>
</context>
<context>
    <name>ChatExport</name>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>المساعد</translation>
    </message>
    <message>
        <source>System</source>
        <translation>النظام</translation>
    </message>
    <message>
        <source>Thought for {time}</source>
        <translation>فكّر لمدة {time}</translation>
    </message>
    <message>
        <source>Thought</source>
        <translation>التفكير</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>أُوقف</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>انقطع</translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation>فشل: {error}</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>Reached the reply length limit</source>
        <translation>بلغ الرد الحد الأقصى لطوله</translation>
    </message>
    <message>
        <source>The context was full</source>
        <translation>امتلأ السياق</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>لا رموز</numerusform>
            <numerusform>رمز واحد</numerusform>
            <numerusform>رمزان</numerusform>
            <numerusform>%Ln رموز</numerusform>
            <numerusform>%Ln رمزًا</numerusform>
            <numerusform>%Ln رمز</numerusform>
        </translation>
    </message>
    <message>
        <source>{speed} tokens/s</source>
        <translation>{speed} رمز/ث</translation>
    </message>
    <message>
        <source>first token {seconds} s</source>
        <translation>أول رمز بعد {seconds} ث</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>مُعدَّل</translation>
    </message>
    <message>
        <source>{name} ({used} of 1 passage)</source>
        <translation>{name} ({used} من مقطع واحد)</translation>
    </message>
    <message numerus="yes">
        <source>{name} ({used} of %n passages)</source>
        <translation>
            <numerusform>{name} ({used} من %Ln مقطع)</numerusform>
            <numerusform>{name} ({used} من مقطع واحد)</numerusform>
            <numerusform>{name} ({used} من مقطعين)</numerusform>
            <numerusform>{name} ({used} من %Ln مقاطع)</numerusform>
            <numerusform>{name} ({used} من %Ln مقطعًا)</numerusform>
            <numerusform>{name} ({used} من %Ln مقطع)</numerusform>
        </translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation>صفحة {page}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of a source's place</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>رسالة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>لا رسائل</numerusform>
            <numerusform>رسالة واحدة</numerusform>
            <numerusform>رسالتان</numerusform>
            <numerusform>%Ln رسائل</numerusform>
            <numerusform>%Ln رسالة</numerusform>
            <numerusform>%Ln رسالة</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no chats to export.</source>
        <translation>لا توجد محادثات لتصديرها.</translation>
    </message>
    <message>
        <source>{path} could not be written ({error}).</source>
        <translation>تعذّرت كتابة {path} ({error}).</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>موجّه النظام</translation>
    </message>
    <message numerus="yes">
        <source>%n chats</source>
        <translation>
            <numerusform>لا محادثات</numerusform>
            <numerusform>محادثة واحدة</numerusform>
            <numerusform>محادثتان</numerusform>
            <numerusform>%Ln محادثات</numerusform>
            <numerusform>%Ln محادثة</numerusform>
            <numerusform>%Ln محادثة</numerusform>
        </translation>
    </message>
    <message>
        <source>en</source>
        <comment>the language code of this translation</comment>
        <translation>ar</translation>
    </message>
    <message>
        <source>ltr</source>
        <comment>this language's direction: ltr or rtl</comment>
        <translation>rtl</translation>
    </message>
    <message>
        <source>Attached: {names}</source>
        <translation>المرفقات: {names}</translation>
    </message>
    <message>
        <source>That chat is changing too fast to be exported; try again.</source>
        <translation>تتغير هذه المحادثة بسرعة لا تسمح بتصديرها؛ حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>There is no chat with the id {id} in the history.</source>
        <translation>لا توجد في السجل محادثة بالمعرّف {id}.</translation>
    </message>
</context>
<context>
    <name>ChatHeader</name>
    <message>
        <source>This chat</source>
        <translation>هذه المحادثة</translation>
    </message>
    <message>
        <source>Chat model</source>
        <translation>نموذج المحادثة</translation>
    </message>
    <message>
        <source>The model that writes this chat's replies</source>
        <translation>النموذج الذي يكتب ردود هذه المحادثة</translation>
    </message>
    <message>
        <source>Chat settings in use</source>
        <translation>إعدادات المحادثة المستخدمة</translation>
    </message>
    <message>
        <source>Searched documents</source>
        <translation>المستندات التي يُبحث فيها</translation>
    </message>
    <message>
        <source>This chat's questions are also searched in these Local documents collections (Chat settings… to change)</source>
        <translation>يُبحث عن أسئلة هذه المحادثة أيضًا في مجموعات المستندات المحلية هذه (للتغيير: إعدادات المحادثة…)</translation>
    </message>
    <message>
        <source>Chat settings…</source>
        <translation>إعدادات المحادثة…</translation>
    </message>
    <message>
        <source>This chat's own system prompt, sampling, context length and model</source>
        <translation>موجّه النظام وأخذ العينات وطول السياق والنموذج الخاصة بهذه المحادثة</translation>
    </message>
    <message>
        <source>Remote server</source>
        <translation>خادم بعيد</translation>
    </message>
    <message>
        <source>Documents: {names}</source>
        <translation>المستندات: {names}</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>لا يوجد نموذج</translation>
    </message>
    <message>
        <source>Default settings</source>
        <translation>الإعدادات الافتراضية</translation>
    </message>
    <message>
        <source>{model} (this chat's model)</source>
        <translation>{model} (نموذج هذه المحادثة)</translation>
    </message>
    <message>
        <source>{model} (this chat's model, not loaded)</source>
        <translation>{model} (نموذج هذه المحادثة، غير محمَّل)</translation>
    </message>
    <message>
        <source>This chat's own model: it is loaded when the chat is opened.</source>
        <translation>النموذج الخاص بهذه المحادثة: يُحمَّل عند فتحها.</translation>
    </message>
    <message>
        <source>The default model (choose it above); this chat has no model of its own.</source>
        <translation>النموذج الافتراضي (اختره في الأعلى)؛ ليس لهذه المحادثة نموذج خاص بها.</translation>
    </message>
    <message>
        <source>a server no longer in Remote servers</source>
        <translation>خادم لم يعد ضمن الخوادم البعيدة</translation>
    </message>
    <message>
        <source>Replies come from {host}</source>
        <translation>تأتي الردود من {host}</translation>
    </message>
    <message>
        <source>This chat's replies are written by {model} on {host}: what you write in it is sent there. Choose a local model above to keep it on this computer.</source>
        <translation>يكتب ردود هذه المحادثة {model} على {host}: ما تكتبه فيها يُرسل إلى هناك. اختر نموذجًا محليًا في الأعلى لإبقائها على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>{model} (remote)</source>
        <translation>{model} (بعيد)</translation>
    </message>
</context>
<context>
    <name>ChatImport</name>
    <message>
        <source>chatapp chat archive</source>
        <translation>أرشيف محادثات chatapp</translation>
    </message>
    <message>
        <source>llama.cpp web UI export (JSONL)</source>
        <translation>تصدير من واجهة الويب لـ llama.cpp ‏(JSONL)</translation>
    </message>
    <message>
        <source>llama.cpp web UI export (ZIP)</source>
        <translation>تصدير من واجهة الويب لـ llama.cpp ‏(ZIP)</translation>
    </message>
    <message>
        <source>llama.cpp web UI export (older JSON)</source>
        <translation>تصدير من واجهة الويب لـ llama.cpp ‏(JSON أقدم)</translation>
    </message>
    <message>
        <source>it is neither a chatapp chat archive nor a llama.cpp web UI export</source>
        <translation>الملف ليس أرشيف محادثات chatapp ولا تصديرًا من واجهة الويب لـ llama.cpp</translation>
    </message>
    <message>
        <source>1 chat</source>
        <translation>محادثة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>%n chats</source>
        <translation>
            <numerusform>لا محادثات</numerusform>
            <numerusform>محادثة واحدة</numerusform>
            <numerusform>محادثتان</numerusform>
            <numerusform>%Ln محادثات</numerusform>
            <numerusform>%Ln محادثة</numerusform>
            <numerusform>%Ln محادثة</numerusform>
        </translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>رسالة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>لا رسائل</numerusform>
            <numerusform>رسالة واحدة</numerusform>
            <numerusform>رسالتان</numerusform>
            <numerusform>%Ln رسائل</numerusform>
            <numerusform>%Ln رسالة</numerusform>
            <numerusform>%Ln رسالة</numerusform>
        </translation>
    </message>
    <message>
        <source>1 tool result</source>
        <translation>نتيجة أداة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>%n tool results</source>
        <translation>
            <numerusform>لا نتائج أدوات</numerusform>
            <numerusform>نتيجة أداة واحدة</numerusform>
            <numerusform>نتيجتا أداة</numerusform>
            <numerusform>%Ln نتائج أدوات</numerusform>
            <numerusform>%Ln نتيجة أداة</numerusform>
            <numerusform>%Ln نتيجة أداة</numerusform>
        </translation>
    </message>
    <message>
        <source>1 image, audio or video attachment</source>
        <translation>مرفق صورة أو صوت أو فيديو واحد</translation>
    </message>
    <message numerus="yes">
        <source>%n image, audio or video attachments</source>
        <translation>
            <numerusform>لا مرفقات صور أو صوت أو فيديو</numerusform>
            <numerusform>مرفق صورة أو صوت أو فيديو واحد</numerusform>
            <numerusform>مرفقا صورة أو صوت أو فيديو</numerusform>
            <numerusform>%Ln مرفقات صور أو صوت أو فيديو</numerusform>
            <numerusform>%Ln مرفقًا من الصور أو الصوت أو الفيديو</numerusform>
            <numerusform>%Ln مرفق صورة أو صوت أو فيديو</numerusform>
        </translation>
    </message>
    <message>
        <source>1 empty chat</source>
        <translation>محادثة فارغة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>%n empty chats</source>
        <translation>
            <numerusform>لا محادثات فارغة</numerusform>
            <numerusform>محادثة فارغة واحدة</numerusform>
            <numerusform>محادثتان فارغتان</numerusform>
            <numerusform>%Ln محادثات فارغة</numerusform>
            <numerusform>%Ln محادثة فارغة</numerusform>
            <numerusform>%Ln محادثة فارغة</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported {chats} ({messages}) from a {source}.</source>
        <translation>استُوردت {chats} ({messages}) من {source}.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the kinds of things left out</comment>
        <translation>، </translation>
    </message>
    <message>
        <source> Left out, as chatapp has no use for them: {parts}.</source>
        <translation> أُغفل ما لا يستخدمه chatapp: {parts}.</translation>
    </message>
    <message>
        <source>it is larger than {size} MiB</source>
        <translation>حجم الملف أكبر من {size} MiB</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>الملف فارغ</translation>
    </message>
    <message>
        <source>{path} could not be read ({error}).</source>
        <translation>تعذّرت قراءة {path} ({error}).</translation>
    </message>
    <message>
        <source>There are no chats in this file.</source>
        <translation>لا توجد محادثات في هذا الملف.</translation>
    </message>
    <message>
        <source>{where}, its model</source>
        <translation>{where}، النموذج</translation>
    </message>
    <message>
        <source>{where}, its stats</source>
        <translation>{where}، الإحصاءات</translation>
    </message>
    <message>
        <source>is not a SHA-256 in lowercase hex</source>
        <translation>ليس SHA-256 بصيغة ست عشرية بأحرف صغيرة</translation>
    </message>
    <message>
        <source>is missing or not 1 or more</source>
        <translation>مفقود أو أقل من 1</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>ليس عددًا</translation>
    </message>
    <message>
        <source>{where}, citation {number}</source>
        <translation>{where}، الاستشهاد {number}</translation>
    </message>
    <message>
        <source>numbers two citations the same</source>
        <translation>يعطي استشهادين الرقم نفسه</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>فارغ</translation>
    </message>
    <message>
        <source>names a message the chat does not have ({id})</source>
        <translation>يشير إلى رسالة ليست في المحادثة ({id})</translation>
    </message>
    <message>
        <source>is not the path to 'active_leaf'</source>
        <translation>ليس المسار إلى 'active_leaf'</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>it is not a chatapp chat archive (its 'format' is not {name})</source>
        <translation>الملف ليس أرشيف محادثات chatapp (قيمة 'format' فيه ليست {name})</translation>
    </message>
    <message>
        <source>its format version is missing or not a positive whole number</source>
        <translation>إصدار صيغة الملف مفقود أو ليس عددًا صحيحًا موجبًا</translation>
    </message>
    <message>
        <source>it was written by a newer chatapp (chat format version {version}; this version reads up to {latest}). Update chatapp to import it</source>
        <translation>كُتب الملف بإصدار أحدث من chatapp (إصدار صيغة المحادثات {version}؛ يقرأ هذا الإصدار حتى {latest}). حدِّث chatapp لاستيراده</translation>
    </message>
    <message>
        <source>it holds more than {count} chats</source>
        <translation>يحتوي الملف على أكثر من {count} محادثة</translation>
    </message>
    <message>
        <source>{where} has more than {count} messages</source>
        <translation>{where} فيها أكثر من {count} رسالة</translation>
    </message>
    <message>
        <source>line {number}</source>
        <translation>السطر {number}</translation>
    </message>
    <message>
        <source>{file}, line {number}</source>
        <translation>{file}، السطر {number}</translation>
    </message>
    <message>
        <source>{where} ({chat})</source>
        <translation>{where} ({chat})</translation>
    </message>
    <message>
        <source>{where}: a message comes before any chat (session) record</source>
        <translation>{where}: رسالة تأتي قبل أي سجل محادثة (جلسة)</translation>
    </message>
    <message>
        <source>{where}, its message</source>
        <translation>{where}، الرسالة</translation>
    </message>
    <message>
        <source>the archive unpacks to more than {size} bytes</source>
        <translation>يتجاوز حجم الأرشيف بعد فك ضغطه {size} بايت</translation>
    </message>
    <message>
        <source>the archive has more than {count} files</source>
        <translation>يحتوي الأرشيف على أكثر من {count} ملف</translation>
    </message>
    <message>
        <source>the archive holds a file named {name}, which points outside the archive</source>
        <translation>يحتوي الأرشيف على ملف باسم {name} يشير إلى خارج الأرشيف</translation>
    </message>
    <message>
        <source>the archive's file {name}</source>
        <translation>ملف الأرشيف {name}</translation>
    </message>
    <message>
        <source>it is not a ZIP archive chatapp can read ({error})</source>
        <translation>الملف ليس أرشيف ZIP يستطيع chatapp قراءته ({error})</translation>
    </message>
    <message>
        <source>has more than {count} attachments</source>
        <translation>فيه أكثر من {count} مرفق</translation>
    </message>
    <message>
        <source>with its attachments is longer than {count} characters</source>
        <translation>أطول من {count} حرف مع المرفقات</translation>
    </message>
    <message>
        <source>{where}, its timings</source>
        <translation>{where}، التوقيتات</translation>
    </message>
    <message>
        <source>is not user, assistant, system or tool ({role})</source>
        <translation>ليس user أو assistant أو system أو tool ‏({role})</translation>
    </message>
    <message>
        <source>This file cannot be imported: {reason}. Nothing was imported.</source>
        <translation>لا يمكن استيراد هذا الملف: {reason}. لم يُستورد أي شيء.</translation>
    </message>
    <message>
        <source>it</source>
        <comment>the file, as the subject of a reason it is refused</comment>
        <translation>الملف</translation>
    </message>
    <message>
        <source>{what} is not UTF-8 text (at byte {byte})</source>
        <translation>{what} ليس نصًا بترميز UTF-8 (عند البايت {byte})</translation>
    </message>
    <message>
        <source>{where} nests its JSON too deeply</source>
        <translation>{where}: JSON متداخل بعمق مفرط</translation>
    </message>
    <message>
        <source>{where} is not valid JSON ({error})</source>
        <translation>{where} ليس JSON صالحًا ({error})</translation>
    </message>
    <message>
        <source>{where} is not a JSON object</source>
        <translation>{where} ليس كائن JSON</translation>
    </message>
    <message>
        <source>{where}: '{key}' {problem}</source>
        <translation>{where}: ‏'{key}' {problem}</translation>
    </message>
    <message>
        <source>is missing or is not text</source>
        <translation>مفقود أو ليس نصًا</translation>
    </message>
    <message>
        <source>is longer than {count} characters</source>
        <translation>أطول من {count} حرف</translation>
    </message>
    <message>
        <source>is not true or false</source>
        <translation>ليس true أو false</translation>
    </message>
    <message>
        <source>is not a whole number of a sensible size</source>
        <translation>ليس عددًا صحيحًا بحجم معقول</translation>
    </message>
    <message>
        <source>is not a number of seconds</source>
        <translation>ليس عددًا من الثواني</translation>
    </message>
    <message>
        <source>is not a number of a sensible size</source>
        <translation>ليس عددًا بحجم معقول</translation>
    </message>
    <message>
        <source>is not an ISO 8601 date and time ({text})</source>
        <translation>ليس تاريخًا ووقتًا بصيغة ISO 8601 ‏({text})</translation>
    </message>
    <message>
        <source>does not say its offset from UTC ({text})</source>
        <translation>لا يذكر فرق التوقيت عن UTC ‏({text})</translation>
    </message>
    <message>
        <source>is out of range ({text})</source>
        <translation>خارج النطاق المسموح ({text})</translation>
    </message>
    <message>
        <source>is not a date between the years 1 and 9999</source>
        <translation>ليس تاريخًا بين العامين 1 و9999</translation>
    </message>
    <message>
        <source>is not a JSON object</source>
        <translation>ليس كائن JSON</translation>
    </message>
    <message>
        <source>nests deeper than {count} levels</source>
        <translation>متداخل بعمق يتجاوز {count} مستويات</translation>
    </message>
    <message>
        <source>is larger than {count} characters</source>
        <translation>أكبر من {count} حرف</translation>
    </message>
    <message>
        <source>holds text that is not valid Unicode</source>
        <translation>يحتوي على نص ليس Unicode صالحًا</translation>
    </message>
    <message>
        <source>is not a whole number or a text</source>
        <translation>ليس عددًا صحيحًا ولا نصًا</translation>
    </message>
    <message>
        <source>is too long for an id</source>
        <translation>أطول من أن يكون معرّفًا</translation>
    </message>
    <message>
        <source>is missing or is not a list</source>
        <translation>مفقود أو ليس قائمة</translation>
    </message>
    <message>
        <source>has more than {count} entries</source>
        <translation>فيه أكثر من {count} عنصر</translation>
    </message>
    <message>
        <source>{where}: two messages have the id {id}</source>
        <translation>{where}: رسالتان لهما المعرّف {id}</translation>
    </message>
    <message>
        <source>{where}: message {number} follows a message that does not exist ({id})</source>
        <translation>{where}: الرسالة {number} تلي رسالة غير موجودة ({id})</translation>
    </message>
    <message>
        <source>{where}: the messages form a cycle (message {number}, id {id}, is its own ancestor or follows one that is)</source>
        <translation>{where}: تشكّل الرسائل حلقة (الرسالة {number}، المعرّف {id}، سابقة لنفسها أو تلي رسالة كذلك)</translation>
    </message>
    <message>
        <source>chat {number}</source>
        <translation>المحادثة {number}</translation>
    </message>
    <message>
        <source>{where}, message {number}</source>
        <translation>{where}، الرسالة {number}</translation>
    </message>
    <message>
        <source>{where}, attachment {number}</source>
        <translation>{where}، المرفق {number}</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>مفقود</translation>
    </message>
    <message>
        <source>is not one of {choices} ({value})</source>
        <translation>ليس إحدى القيم {choices} ‏({value})</translation>
    </message>
    <message>
        <source>it holds more than {count} messages</source>
        <translation>يحتوي الملف على أكثر من {count} رسالة</translation>
    </message>
</context>
<context>
    <name>ChatList</name>
    <message>
        <source>Pinned</source>
        <translation>مثبّتة</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>أمس</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>آخر 7 أيام</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>أقدم</translation>
    </message>
</context>
<context>
    <name>ChatReply</name>
    <message>
        <source>Only your own messages are asked again when edited.</source>
        <translation>لا يُعاد طرح إلا رسائلك أنت عند تعديلها.</translation>
    </message>
    <message>
        <source>There is no reply to continue.</source>
        <translation>لا يوجد رد لمتابعته.</translation>
    </message>
    <message>
        <source>There is no message to answer yet.</source>
        <translation>لا توجد رسالة للرد عليها بعد.</translation>
    </message>
    <message>
        <source>writing the reply</source>
        <translation>كتابة الرد</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>1 reply was cut off when the app last closed; what was written is kept.</source>
        <translation>انقطع رد واحد عند آخر إغلاق للتطبيق؛ ما كُتب منه محفوظ.</translation>
    </message>
    <message numerus="yes">
        <source>%n replies were cut off when the app last closed; what was written is kept.</source>
        <translation>
            <numerusform>لم ينقطع أي رد عند آخر إغلاق للتطبيق.</numerusform>
            <numerusform>انقطع رد واحد عند آخر إغلاق للتطبيق؛ ما كُتب منه محفوظ.</numerusform>
            <numerusform>انقطع ردّان عند آخر إغلاق للتطبيق؛ ما كُتب منهما محفوظ.</numerusform>
            <numerusform>انقطعت %Ln ردود عند آخر إغلاق للتطبيق؛ ما كُتب منها محفوظ.</numerusform>
            <numerusform>انقطع %Ln ردًا عند آخر إغلاق للتطبيق؛ ما كُتب منها محفوظ.</numerusform>
            <numerusform>انقطع %Ln رد عند آخر إغلاق للتطبيق؛ ما كُتب منها محفوظ.</numerusform>
        </translation>
    </message>
    <message>
        <source>The damaged history was kept as {file}; a new one was started.</source>
        <translation>حُفظ السجل التالف باسم {file}؛ وبدأ سجل جديد.</translation>
    </message>
    <message>
        <source>Wait for the reply to finish (or stop it) before switching models.</source>
        <translation>انتظر حتى يكتمل الرد (أو أوقفه) قبل تبديل النموذج.</translation>
    </message>
    <message>
        <source>Loading {file}…</source>
        <translation>جارٍ تحميل {file}…</translation>
    </message>
    <message>
        <source>Installing the starter model…</source>
        <translation>جارٍ تثبيت النموذج المبدئي…</translation>
    </message>
    <message>
        <source>Copying {file}…</source>
        <translation>جارٍ نسخ {file}…</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>جارٍ فحص {file}…</translation>
    </message>
    <message>
        <source>Loaded {model}: context {tokens} tokens ({reason}), {threads} threads.</source>
        <translation>حُمِّل {model}: السياق {tokens} رمزًا ({reason})، {threads} خيوط معالجة.</translation>
    </message>
    <message>
        <source>Reloading the model with the new context…</source>
        <translation>جارٍ إعادة تحميل النموذج بالسياق الجديد…</translation>
    </message>
    <message>
        <source>Reloading the model with the new context memory ({type})…</source>
        <translation>جارٍ إعادة تحميل النموذج بذاكرة السياق الجديدة ({type})…</translation>
    </message>
    <message>
        <source>This chat is writing a reply: stop it before deleting the chat.</source>
        <translation>تكتب هذه المحادثة ردًا الآن: أوقفه قبل حذف المحادثة.</translation>
    </message>
    <message>
        <source>Saving your message…</source>
        <translation>جارٍ حفظ رسالتك…</translation>
    </message>
    <message>
        <source>Stopped before the reply began; your message is saved.</source>
        <translation>توقف قبل أن يبدأ الرد؛ رسالتك محفوظة.</translation>
    </message>
    <message>
        <source>Reading the conversation…</source>
        <translation>جارٍ قراءة المحادثة…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>جارٍ الإيقاف…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>يكتب…</translation>
    </message>
    <message>
        <source>Reply: {tokens} tokens at {speed} tokens/s, first token after {seconds} s.</source>
        <translation>الرد: {tokens} رمزًا بسرعة {speed} رمز/ث، أول رمز بعد {seconds} ث.</translation>
    </message>
    <message>
        <source>Reply: {tokens} tokens, first token after {seconds} s.</source>
        <translation>الرد: {tokens} رمزًا، أول رمز بعد {seconds} ث.</translation>
    </message>
    <message>
        <source>One of these chats is writing a reply: stop it before deleting it.</source>
        <translation>إحدى هذه المحادثات تكتب ردًا الآن: أوقفه قبل حذفها.</translation>
    </message>
    <message>
        <source>a remote server</source>
        <translation>خادم بعيد</translation>
    </message>
    <message>
        <source>This chat's replies come from {model} on {host}.</source>
        <translation>تأتي ردود هذه المحادثة من {model} على {host}.</translation>
    </message>
    <message>
        <source>This chat uses {model}: loading it…</source>
        <translation>تستخدم هذه المحادثة {model}: جارٍ تحميله…</translation>
    </message>
    <message>
        <source>Loading the default model, {model}, again…</source>
        <translation>جارٍ تحميل النموذج الافتراضي {model} مجددًا…</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>تلقائي</translation>
    </message>
    <message>
        <source>{tokens} tokens</source>
        <translation>{tokens} رمزًا</translation>
    </message>
    <message>
        <source>This chat uses a context of {size}: reloading the model…</source>
        <translation>تستخدم هذه المحادثة سياقًا بحجم {size}: جارٍ إعادة تحميل النموذج…</translation>
    </message>
    <message>
        <source>Saved the preset “{name}”.</source>
        <translation>حُفظ الإعداد المسبق «{name}».</translation>
    </message>
    <message>
        <source>Deleted the preset “{name}”.</source>
        <translation>حُذف الإعداد المسبق «{name}».</translation>
    </message>
    <message>
        <source>Exported 1 preset to {file}.</source>
        <translation>صُدِّر إعداد مسبق واحد إلى {file}.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n presets to {file}.</source>
        <translation>
            <numerusform>لم يُصدَّر أي إعداد مسبق إلى {file}.</numerusform>
            <numerusform>صُدِّر إعداد مسبق واحد إلى {file}.</numerusform>
            <numerusform>صُدِّر إعدادان مسبقان إلى {file}.</numerusform>
            <numerusform>صُدِّرت %Ln إعدادات مسبقة إلى {file}.</numerusform>
            <numerusform>صُدِّر %Ln إعدادًا مسبقًا إلى {file}.</numerusform>
            <numerusform>صُدِّر %Ln إعداد مسبق إلى {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported 1 preset: {names}.</source>
        <translation>استُورد إعداد مسبق واحد: {names}.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n presets: {names}.</source>
        <translation>
            <numerusform>لم يُستورد أي إعداد مسبق: {names}.</numerusform>
            <numerusform>استُورد إعداد مسبق واحد: {names}.</numerusform>
            <numerusform>استُورد إعدادان مسبقان: {names}.</numerusform>
            <numerusform>استُوردت %Ln إعدادات مسبقة: {names}.</numerusform>
            <numerusform>استُورد %Ln إعدادًا مسبقًا: {names}.</numerusform>
            <numerusform>استُورد %Ln إعداد مسبق: {names}.</numerusform>
        </translation>
    </message>
    <message>
        <source>That message is in another version of this chat. It can be shown once the reply being written is done (or stopped).</source>
        <translation>هذه الرسالة في نسخة أخرى من هذه المحادثة. يمكن عرضها بعد اكتمال الرد الجاري (أو إيقافه).</translation>
    </message>
</context>
<context>
    <name>ChatSettings</name>
    <message>
        <source>system prompt</source>
        <translation>موجّه النظام</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>درجة الحرارة</translation>
    </message>
    <message>
        <source>top-p</source>
        <translation>top-p</translation>
    </message>
    <message>
        <source>top-k</source>
        <translation>top-k</translation>
    </message>
    <message>
        <source>min-p</source>
        <translation>min-p</translation>
    </message>
    <message>
        <source>repeat penalty</source>
        <translation>عقوبة التكرار</translation>
    </message>
    <message>
        <source>max reply tokens</source>
        <translation>الحد الأقصى لرموز الرد</translation>
    </message>
    <message>
        <source>thinking budget</source>
        <translation>ميزانية التفكير</translation>
    </message>
    <message>
        <source>context length</source>
        <translation>طول السياق</translation>
    </message>
    <message>
        <source>model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>The model must be the path of a model file.</source>
        <translation>يجب أن يكون النموذج مسار ملف نموذج.</translation>
    </message>
    <message>
        <source>The chat's collections must be a list of collection ids.</source>
        <translation>يجب أن تكون مجموعات المحادثة قائمة بمعرّفات مجموعات.</translation>
    </message>
    <message>
        <source>The preset name must be a short text.</source>
        <translation>يجب أن يكون اسم الإعداد المسبق نصًا قصيرًا.</translation>
    </message>
    <message>
        <source>“{name}” is not a setting a chat can have.</source>
        <translation>«{name}» ليس إعدادًا يمكن أن تحمله المحادثة.</translation>
    </message>
    <message>
        <source>The remote model must name a server and a model.</source>
        <translation>يجب أن يحدد النموذج البعيد خادمًا ونموذجًا.</translation>
    </message>
    <message>
        <source>The {setting} has the wrong type.</source>
        <translation>الإعداد «{setting}» من نوع خاطئ.</translation>
    </message>
    <message>
        <source>Preset: {name}</source>
        <translation>الإعداد المسبق: {name}</translation>
    </message>
    <message>
        <source>Custom settings</source>
        <translation>إعدادات مخصصة</translation>
    </message>
    <message>
        <source>Default settings</source>
        <translation>الإعدادات الافتراضية</translation>
    </message>
    <message>
        <source>no system prompt</source>
        <translation>بلا موجّه نظام</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the settings a chat sets</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>{setting}: {value}</source>
        <translation>{setting}: {value}</translation>
    </message>
    <message>
        <source>This chat follows the default settings (Model ▸ Settings).</source>
        <translation>تتبع هذه المحادثة الإعدادات الافتراضية (النموذج ▸ الإعدادات).</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>تلقائي</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>لا رموز</numerusform>
            <numerusform>رمز واحد</numerusform>
            <numerusform>رمزان</numerusform>
            <numerusform>%Ln رموز</numerusform>
            <numerusform>%Ln رمزًا</numerusform>
            <numerusform>%Ln رمز</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
</context>
<context>
    <name>ChatSettingsControls</name>
    <message>
        <source>The chat settings were not changed: another chat is open now.</source>
        <translation>لم تُغيَّر إعدادات المحادثة: فالمفتوحة الآن محادثة أخرى.</translation>
    </message>
    <message>
        <source>No presets yet</source>
        <translation>لا توجد إعدادات مسبقة بعد</translation>
    </message>
</context>
<context>
    <name>ChatSettingsDialog</name>
    <message>
        <source>Problem</source>
        <translation>مشكلة</translation>
    </message>
    <message>
        <source>Chat settings</source>
        <translation>إعدادات المحادثة</translation>
    </message>
    <message>
        <source>Settings for this chat only. A field left at Default follows the app's settings (Model ▸ Settings). A model or context length of the chat's own is loaded when the chat is opened.</source>
        <translation>إعدادات لهذه المحادثة وحدها. الحقل المتروك على الافتراضي يتبع إعدادات التطبيق (النموذج ▸ الإعدادات). ويُحمَّل النموذج أو طول السياق الخاص بالمحادثة عند فتحها.</translation>
    </message>
    <message>
        <source>All default</source>
        <translation>الكل افتراضي</translation>
    </message>
    <message>
        <source>Every field follows the app's settings</source>
        <translation>يتبع كل حقل إعدادات التطبيق</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>حفظ كإعداد مسبق…</translation>
    </message>
    <message>
        <source>Saves these settings as a preset to start new chats from</source>
        <translation>يحفظ هذه الإعدادات كإعداد مسبق لبدء محادثات جديدة منه</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>حفظ كإعداد مسبق</translation>
    </message>
    <message>
        <source>Name of the new preset:</source>
        <translation>اسم الإعداد المسبق الجديد:</translation>
    </message>
</context>
<context>
    <name>ChatTemplate</name>
    <message>
        <source>the model's chat template</source>
        <translation>قالب المحادثة الخاص بالنموذج</translation>
    </message>
    <message>
        <source>ChatML: the model has no chat template, but its vocabulary is ChatML's</source>
        <translation>ChatML: ليس للنموذج قالب محادثة، لكن مفرداته هي مفردات ChatML</translation>
    </message>
    <message>
        <source>none: the model has no chat template</source>
        <translation>لا شيء: ليس للنموذج قالب محادثة</translation>
    </message>
    <message>
        <source>Edit the model's chat template in Models, or choose another model.</source>
        <translation>عدّل قالب المحادثة للنموذج في «النماذج»، أو اختر نموذجًا آخر.</translation>
    </message>
    <message>
        <source>it cuts or transforms message text</source>
        <translation>يقتطع نص الرسائل أو يغيّره</translation>
    </message>
    <message>
        <source>This model has no chat template, so chatapp cannot tell how to talk to it. It is probably a base model, which continues text rather than answering questions: choose an instruct (chat) model, or give it a chat template in Models.</source>
        <translation>ليس لهذا النموذج قالب محادثة، لذا لا يعرف chatapp كيف يخاطبه. غالبًا هو نموذج أساسي يُكمل النص بدل أن يجيب عن الأسئلة: اختر نموذج تعليمات (محادثة)، أو أعطه قالب محادثة في «النماذج».</translation>
    </message>
    <message>
        <source>The model's chat template does not compile ({error}). {what_to_do}</source>
        <translation>لا يمكن تصريف قالب المحادثة للنموذج ({error}). {what_to_do}</translation>
    </message>
    <message>
        <source>There is no reply to continue.</source>
        <translation>لا يوجد رد لمتابعته.</translation>
    </message>
    <message>
        <source>The model's chat template leaves the last reply out, so it cannot be continued.</source>
        <translation>يُسقط قالب المحادثة للنموذج الردَّ الأخير، لذا لا يمكن متابعته.</translation>
    </message>
    <message>
        <source>it treats message text differently depending on what it is</source>
        <translation>يعامل نص الرسائل بشكل مختلف بحسب محتواه</translation>
    </message>
    <message>
        <source>it produces an oversized prompt</source>
        <translation>ينتج موجّهًا مفرط الحجم</translation>
    </message>
    <message>
        <source>The model's chat template cannot render this conversation: it raised "{error}". {what_to_do}</source>
        <translation>لا يستطيع قالب المحادثة للنموذج عرض هذه المحادثة: أطلق الخطأ «{error}». {what_to_do}</translation>
    </message>
    <message>
        <source>it repeats message text</source>
        <translation>يكرّر نص الرسائل</translation>
    </message>
    <message>
        <source>it leaves out the text of message(s) {messages}</source>
        <translation>يُسقط نص الرسالة (الرسائل) {messages}</translation>
    </message>
    <message>
        <source>The model's chat template alters message text ({how}), and chatapp passes what people write to the model unchanged. {what_to_do}</source>
        <translation>يغيّر قالب المحادثة للنموذج نص الرسائل ({how})، بينما يمرّر chatapp ما يكتبه الناس إلى النموذج دون تغيير. {what_to_do}</translation>
    </message>
</context>
<context>
    <name>ChatTemplateDialog</name>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>أنت مساعد مفيد.</translation>
    </message>
    <message>
        <source>What is the capital of France?</source>
        <translation>ما عاصمة فرنسا؟</translation>
    </message>
    <message>
        <source>The capital of France is Paris.</source>
        <translation>عاصمة فرنسا هي باريس.</translation>
    </message>
    <message>
        <source>And of Italy?</source>
        <translation>وعاصمة إيطاليا؟</translation>
    </message>
    <message>
        <source>Chat template — {model}</source>
        <translation>قالب المحادثة — {model}</translation>
    </message>
    <message>
        <source>Chat template of {model}</source>
        <translation>قالب المحادثة للنموذج {model}</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>ملف النموذج</translation>
    </message>
    <message>
        <source>Reading the model file's header…</source>
        <translation>جارٍ قراءة ترويسة ملف النموذج…</translation>
    </message>
    <message>
        <source>Template source</source>
        <translation>مصدر القالب</translation>
    </message>
    <message>
        <source>&amp;Template (Jinja):</source>
        <translation>&amp;القالب (Jinja):</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>قالب المحادثة</translation>
    </message>
    <message>
        <source>The Jinja template this model's chats are written in; Tab types a tab, Ctrl+Tab moves on</source>
        <translation>قالب Jinja الذي تُكتب به محادثات هذا النموذج؛ يُدرج Tab مسافة جدولة، وينتقل Ctrl+Tab إلى العنصر التالي</translation>
    </message>
    <message>
        <source>The &amp;prompt it makes of a sample chat (system, user, assistant, user):</source>
        <translation>&amp;الموجّه الذي ينتجه من محادثة تجريبية (النظام، المستخدم، المساعد، المستخدم):</translation>
    </message>
    <message>
        <source>Rendered sample chat</source>
        <translation>المحادثة التجريبية كما ينتجها القالب</translation>
    </message>
    <message>
        <source>The prompt the template makes of a sample chat, once checked</source>
        <translation>الموجّه الذي ينتجه القالب من محادثة تجريبية، بعد الفحص</translation>
    </message>
    <message>
        <source>Check the template to see it here.</source>
        <translation>افحص القالب لتراه هنا.</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>نتيجة الفحص</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>فحص</translation>
    </message>
    <message>
        <source>Render a sample chat with this template</source>
        <translation>إنتاج محادثة تجريبية بهذا القالب</translation>
    </message>
    <message>
        <source>Reset to the model's own</source>
        <translation>العودة إلى قالب النموذج</translation>
    </message>
    <message>
        <source>Go back to the template in the model file; a template of your own is removed</source>
        <translation>العودة إلى القالب الموجود في ملف النموذج؛ ويُحذف قالبك الخاص</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Possible once the template as it stands passes Check</source>
        <translation>ممكن بعد أن يجتاز القالب بصيغته الحالية الفحص</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>The model file's template cannot be shown.</source>
        <translation>لا يمكن عرض قالب ملف النموذج.</translation>
    </message>
    <message>
        <source>This is your own template for this model, used instead of the one in the model file. “{reset}” goes back to that one.</source>
        <translation>هذا قالبك الخاص لهذا النموذج، ويُستخدم بدلًا من القالب الموجود في ملف النموذج. يعيدك «{reset}» إليه.</translation>
    </message>
    <message>
        <source>This is the model's own template, from its file.</source>
        <translation>هذا قالب النموذج نفسه، من ملفه.</translation>
    </message>
    <message>
        <source>Your saved template for it cannot be read (see below).</source>
        <translation>تتعذّر قراءة القالب الذي حفظته له (انظر أدناه).</translation>
    </message>
    <message>
        <source>{reason} Write one here to tell chatapp how to talk to it.</source>
        <translation>{reason} اكتب قالبًا هنا لتُعلِم chatapp كيف يخاطبه.</translation>
    </message>
    <message>
        <source>Edited, not saved: check it, then save it to use it for this model.</source>
        <translation>معدَّل وغير محفوظ: افحصه ثم احفظه لاستخدامه مع هذا النموذج.</translation>
    </message>
    <message>
        <source>Changed since the check: check it again before saving.</source>
        <translation>تغيّر منذ الفحص: افحصه مجددًا قبل الحفظ.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جارٍ الفحص…</translation>
    </message>
    <message>
        <source>The template is empty: write one, or reset to the model's own.</source>
        <translation>القالب فارغ: اكتب قالبًا، أو عُد إلى قالب النموذج.</translation>
    </message>
    <message numerus="yes">
        <source>… (%n more characters)</source>
        <translation>
            <numerusform>… (لا أحرف أخرى)</numerusform>
            <numerusform>… (حرف واحد آخر)</numerusform>
            <numerusform>… (حرفان آخران)</numerusform>
            <numerusform>… (%Ln أحرف أخرى)</numerusform>
            <numerusform>… (%Ln حرفًا آخر)</numerusform>
            <numerusform>… (%Ln حرف آخر)</numerusform>
        </translation>
    </message>
    <message>
        <source>The template renders the sample chat. Read the prompt above; if it is what the model expects, save it.</source>
        <translation>ينتج القالب المحادثة التجريبية. اقرأ الموجّه أعلاه؛ فإن كان ما يتوقعه النموذج فاحفظه.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <source>Back to the model's own template.</source>
        <translation>تمت العودة إلى قالب النموذج.</translation>
    </message>
    <message>
        <source>Removing your template…</source>
        <translation>جارٍ حذف قالبك…</translation>
    </message>
    <message>
        <source>Your template was removed: the model's own applies again.</source>
        <translation>حُذف قالبك: عاد قالب النموذج ساريًا.</translation>
    </message>
    <message>
        <source>Changed while it was checked: check it again before saving.</source>
        <translation>تغيّر أثناء فحصه: افحصه مجددًا قبل الحفظ.</translation>
    </message>
</context>
<context>
    <name>CitationOpener</name>
    <message>
        <source>The file is no longer there; this is the passage the model was given.</source>
        <translation>لم يعد الملف موجودًا؛ هذا هو المقطع الذي أُعطي للنموذج.</translation>
    </message>
    <message>
        <source>No app on this computer opened the file; this is the passage the model was given.</source>
        <translation>لم يفتح أي تطبيق على هذا الحاسوب الملف؛ هذا هو المقطع الذي أُعطي للنموذج.</translation>
    </message>
</context>
<context>
    <name>CitationsView</name>
    <message>
        <source>page {page}</source>
        <translation>الصفحة {page}</translation>
    </message>
    <message>
        <source>“{heading}”</source>
        <translation>«{heading}»</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
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
        <translation>المصادر</translation>
    </message>
    <message>
        <source>The passages of your documents the reply was given</source>
        <translation>مقاطع مستنداتك التي أُعطيت للرد</translation>
    </message>
    <message>
        <source>Source {number}: {name}</source>
        <translation>المصدر {number}: {name}</translation>
    </message>
    <message>
        <source>Opens the file at this place, or shows the passage</source>
        <translation>يفتح الملف عند هذا الموضع أو يعرض المقطع</translation>
    </message>
    <message>
        <source>Show fewer sources</source>
        <translation>عرض مصادر أقل</translation>
    </message>
    <message numerus="yes">
        <source>Show all %n sources</source>
        <translation>
            <numerusform>لا مصادر</numerusform>
            <numerusform>عرض المصدر الوحيد</numerusform>
            <numerusform>عرض المصدرين</numerusform>
            <numerusform>عرض المصادر الـ%Ln كلها</numerusform>
            <numerusform>عرض المصادر الـ%Ln كلها</numerusform>
            <numerusform>عرض المصادر الـ%Ln كلها</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>code</source>
        <translation>شيفرة</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copy this code to the clipboard</source>
        <translation>نسخ هذه الشيفرة إلى الحافظة</translation>
    </message>
    <message>
        <source>Copy {language} block</source>
        <translation>نسخ كتلة {language}</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>الشيفرة</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>نُسخ</translation>
    </message>
</context>
<context>
    <name>CollectionDialog</name>
    <message>
        <source>Add a collection</source>
        <translation>إضافة مجموعة</translation>
    </message>
    <message>
        <source>A collection is a set of folders a chat can search. Text, Markdown, source code, PDF, Word (.docx) and HTML files in them are indexed, also in their sub-folders; the index is kept current when files change.</source>
        <translation>المجموعة هي طائفة من المجلدات يمكن للمحادثة البحث فيها. تُفهرس ملفات النص وMarkdown والشيفرة المصدرية وPDF وWord (.docx) وHTML فيها، وفي مجلداتها الفرعية أيضًا؛ ويبقى الفهرس محدَّثًا عند تغيّر الملفات.</translation>
    </message>
    <message>
        <source>e.g. Notes, Manuals, Project X</source>
        <translation>مثلًا: ملاحظات، أدلة، المشروع س</translation>
    </message>
    <message>
        <source>Collection name</source>
        <translation>اسم المجموعة</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>المجلدات</translation>
    </message>
    <message>
        <source>The folders the collection holds</source>
        <translation>المجلدات التي تضمها المجموعة</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <source>Chooses a folder to add to the collection</source>
        <translation>يختار مجلدًا لإضافته إلى المجموعة</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>إزالة المجلد</translation>
    </message>
    <message>
        <source>Takes the chosen folder out of the list</source>
        <translation>يُخرج المجلد المختار من القائمة</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>مشكلة</translation>
    </message>
    <message>
        <source>Add and index</source>
        <translation>إضافة وفهرسة</translation>
    </message>
    <message>
        <source>Add a folder to the collection</source>
        <translation>إضافة مجلد إلى المجموعة</translation>
    </message>
    <message>
        <source>Give the collection a name.</source>
        <translation>أعطِ المجموعة اسمًا.</translation>
    </message>
    <message>
        <source>Add at least one folder.</source>
        <translation>أضف مجلدًا واحدًا على الأقل.</translation>
    </message>
</context>
<context>
    <name>CollectionsChooser</name>
    <message>
        <source>Local documents</source>
        <translation>المستندات المحلية</translation>
    </message>
    <message>
        <source>No collections yet: add folders in File ▸ Local documents, then choose them here.</source>
        <translation>لا توجد مجموعات بعد: أضف مجلدات من ملف ▸ المستندات المحلية، ثم اخترها هنا.</translation>
    </message>
    <message>
        <source>Passages found in this collection go into this chat's prompts, and the replies cite them</source>
        <translation>تدخل المقاطع الموجودة في هذه المجموعة في موجّهات هذه المحادثة، وتستشهد بها الردود</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>.txt, .md, .pdf, .docx, .html and source code files</source>
        <translation>ملفات .txt و.md و.pdf و.docx و.html وملفات الشيفرة المصدرية</translation>
    </message>
    <message>
        <source>A pasted image is not a document: chatapp reads {kinds}. Paste or attach a file instead.</source>
        <translation>الصورة الملصقة ليست مستندًا: يقرأ chatapp {kinds}. الصق ملفًا أو أرفقه بدلًا منها.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
    <message>
        <source>Thinking on</source>
        <translation>التفكير مُفعّل</translation>
    </message>
    <message>
        <source>Thinking off</source>
        <translation>التفكير معطّل</translation>
    </message>
    <message>
        <source>Reasoning: low</source>
        <translation>التفكير: قليل</translation>
    </message>
    <message>
        <source>Reasoning: medium</source>
        <translation>التفكير: متوسط</translation>
    </message>
    <message>
        <source>Reasoning: high</source>
        <translation>التفكير: كثير</translation>
    </message>
    <message>
        <source>No model is loaded: load one (Model menu) to start chatting.</source>
        <translation>لا يوجد نموذج محمَّل: حمّل نموذجًا (قائمة النموذج) لبدء المحادثة.</translation>
    </message>
    <message>
        <source>The model is loading…</source>
        <translation>جارٍ تحميل النموذج…</translation>
    </message>
    <message>
        <source>Message the model (Enter sends, Shift+Enter for a new line)</source>
        <translation>راسل النموذج (Enter للإرسال، وShift+Enter لسطر جديد)</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <source>Writing a reply… (Esc or Stop to stop it)</source>
        <translation>جارٍ كتابة الرد… (Esc أو إيقاف لإيقافه)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>إرفاق ملفات</translation>
    </message>
    <message>
        <source>Attach files to the message ({kinds}); you can also drop or paste them here</source>
        <translation>إرفاق ملفات بالرسالة ({kinds})؛ يمكنك أيضًا إفلاتها أو لصقها هنا</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Your message to the model: Enter sends, Shift+Enter starts a new line, Esc stops a reply</source>
        <translation>رسالتك إلى النموذج: Enter للإرسال، وShift+Enter لسطر جديد، وEsc لإيقاف الرد</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>إرسال الرسالة (Enter)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Stop the reply (Esc)</source>
        <translation>إيقاف الرد (Esc)</translation>
    </message>
    <message>
        <source>Message box note</source>
        <translation>ملاحظة مربع الرسالة</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>التفكير</translation>
    </message>
    <message>
        <source>Whether the model thinks before it answers, in this chat</source>
        <translation>هل يفكّر النموذج قبل أن يجيب في هذه المحادثة</translation>
    </message>
    <message>
        <source>Wait a moment: the attached files are still being read.</source>
        <translation>لحظة من فضلك: لا تزال الملفات المرفقة قيد القراءة.</translation>
    </message>
    <message>
        <source>A message takes at most {limit} files; 1 was left out.</source>
        <translation>تقبل الرسالة {limit} ملفًا على الأكثر؛ استُبعد ملف واحد.</translation>
    </message>
    <message numerus="yes">
        <source>A message takes at most {limit} files; %n were left out.</source>
        <translation>
            <numerusform>تقبل الرسالة {limit} ملفًا على الأكثر؛ لم يُستبعد شيء.</numerusform>
            <numerusform>تقبل الرسالة {limit} ملفًا على الأكثر؛ استُبعد ملف واحد.</numerusform>
            <numerusform>تقبل الرسالة {limit} ملفًا على الأكثر؛ استُبعد ملفان.</numerusform>
            <numerusform>تقبل الرسالة {limit} ملفًا على الأكثر؛ استُبعدت %Ln ملفات.</numerusform>
            <numerusform>تقبل الرسالة {limit} ملفًا على الأكثر؛ استُبعد %Ln ملفًا.</numerusform>
            <numerusform>تقبل الرسالة {limit} ملفًا على الأكثر؛ استُبعد %Ln ملف.</numerusform>
        </translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>صورة ملصقة</translation>
    </message>
</context>
<context>
    <name>ContextPolicy</name>
    <message>
        <source>as set</source>
        <translation>كما هو مضبوط</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>تلقائي</translation>
    </message>
    <message>
        <source>automatic (the model does not state its maximum)</source>
        <translation>تلقائي (لا يذكر النموذج حدّه الأقصى)</translation>
    </message>
    <message>
        <source>the model's maximum</source>
        <translation>الحد الأقصى للنموذج</translation>
    </message>
    <message>
        <source>limited by this computer's free memory</source>
        <translation>محدود بالذاكرة الحرة في هذا الحاسوب</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>New chat</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>بدء محادثة جديدة</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>المحادثات</translation>
    </message>
    <message>
        <source>Your chats, newest first. Enter or a click opens one; F2 renames it, Delete deletes the selected chats.</source>
        <translation>محادثاتك، الأحدث أولًا. يفتح مفتاح الإدخال أو النقر محادثة؛ يعيد F2 تسميتها، ويحذف مفتاح الحذف المحادثات المحددة.</translation>
    </message>
    <message>
        <source>Deleted chats</source>
        <translation>المحادثات المحذوفة</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Bring the deleted chats back ({keys} in the list)</source>
        <translation>استعادة المحادثات المحذوفة ({keys} في القائمة)</translation>
    </message>
    <message>
        <source>Delete the selected chats</source>
        <translation>حذف المحادثات المحددة</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>التراجع عن الحذف</translation>
    </message>
    <message>
        <source>Chat deleted</source>
        <translation>حُذفت المحادثة</translation>
    </message>
    <message numerus="yes">
        <source>%n chats deleted</source>
        <translation>
            <numerusform>لم تُحذف أي محادثة</numerusform>
            <numerusform>حُذفت محادثة واحدة</numerusform>
            <numerusform>حُذفت محادثتان</numerusform>
            <numerusform>حُذفت %Ln محادثات</numerusform>
            <numerusform>حُذفت %Ln محادثة</numerusform>
            <numerusform>حُذفت %Ln محادثة</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>إعادة تسمية</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>إلغاء التثبيت</translation>
    </message>
    <message>
        <source>Pin to top</source>
        <translation>تثبيت في الأعلى</translation>
    </message>
    <message numerus="yes">
        <source>Unpin %n chats</source>
        <translation>
            <numerusform>إلغاء تثبيت لا محادثات</numerusform>
            <numerusform>إلغاء تثبيت محادثة واحدة</numerusform>
            <numerusform>إلغاء تثبيت محادثتين</numerusform>
            <numerusform>إلغاء تثبيت %Ln محادثات</numerusform>
            <numerusform>إلغاء تثبيت %Ln محادثة</numerusform>
            <numerusform>إلغاء تثبيت %Ln محادثة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pin %n chats to top</source>
        <translation>
            <numerusform>تثبيت لا محادثات في الأعلى</numerusform>
            <numerusform>تثبيت محادثة واحدة في الأعلى</numerusform>
            <numerusform>تثبيت محادثتين في الأعلى</numerusform>
            <numerusform>تثبيت %Ln محادثات في الأعلى</numerusform>
            <numerusform>تثبيت %Ln محادثة في الأعلى</numerusform>
            <numerusform>تثبيت %Ln محادثة في الأعلى</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>حذف…</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n chats…</source>
        <translation>
            <numerusform>حذف لا محادثات…</numerusform>
            <numerusform>حذف محادثة واحدة…</numerusform>
            <numerusform>حذف محادثتين…</numerusform>
            <numerusform>حذف %Ln محادثات…</numerusform>
            <numerusform>حذف %Ln محادثة…</numerusform>
            <numerusform>حذف %Ln محادثة…</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete chat</source>
        <translation>حذف المحادثة</translation>
    </message>
    <message>
        <source>Delete “{title}” and all its messages?</source>
        <translation>هل تريد حذف «{title}» وكل رسائلها؟</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n chats</source>
        <translation>
            <numerusform>حذف لا محادثات</numerusform>
            <numerusform>حذف محادثة واحدة</numerusform>
            <numerusform>حذف محادثتين</numerusform>
            <numerusform>حذف %Ln محادثات</numerusform>
            <numerusform>حذف %Ln محادثة</numerusform>
            <numerusform>حذف %Ln محادثة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n chats and all their messages?</source>
        <translation>
            <numerusform>هل تريد حذف لا محادثات؟</numerusform>
            <numerusform>هل تريد حذف محادثة واحدة وكل رسائلها؟</numerusform>
            <numerusform>هل تريد حذف محادثتين وكل رسائلهما؟</numerusform>
            <numerusform>هل تريد حذف %Ln محادثات وكل رسائلها؟</numerusform>
            <numerusform>هل تريد حذف %Ln محادثة وكل رسائلها؟</numerusform>
            <numerusform>هل تريد حذف %Ln محادثة وكل رسائلها؟</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this for a few seconds.</source>
        <translation>يمكنك التراجع عن ذلك خلال بضع ثوانٍ.</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Conversation</source>
        <translation>المحادثة</translation>
    </message>
    <message>
        <source>The messages of the open chat, oldest first</source>
        <translation>رسائل المحادثة المفتوحة، الأقدم أولًا</translation>
    </message>
    <message>
        <source>Context notice</source>
        <translation>تنبيه السياق</translation>
    </message>
    <message>
        <source>Show the messages before these</source>
        <translation>عرض الرسائل السابقة لهذه</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>البدء</translation>
    </message>
    <message>
        <source>The oldest message no longer fits the model's context ({tokens} tokens), so it is left out of what the model reads. The system prompt is always kept.</source>
        <translation>لم تعد أقدم رسالة تتسع في سياق النموذج ({tokens} رمز)، لذا تُستبعد مما يقرؤه النموذج. تُحفظ تعليمات النظام دائمًا.</translation>
    </message>
    <message numerus="yes">
        <source>The oldest %n messages no longer fit the model's context ({tokens} tokens), so they are left out of what the model reads. The system prompt is always kept.</source>
        <translation>
            <numerusform>لا توجد رسائل خارج سياق النموذج ({tokens} رمز). تُحفظ تعليمات النظام دائمًا.</numerusform>
            <numerusform>لم تعد أقدم رسالة تتسع في سياق النموذج ({tokens} رمز)، لذا تُستبعد مما يقرؤه النموذج. تُحفظ تعليمات النظام دائمًا.</numerusform>
            <numerusform>لم تعد أقدم رسالتين تتسعان في سياق النموذج ({tokens} رمز)، لذا تُستبعدان مما يقرؤه النموذج. تُحفظ تعليمات النظام دائمًا.</numerusform>
            <numerusform>لم تعد أقدم %Ln رسائل تتسع في سياق النموذج ({tokens} رمز)، لذا تُستبعد مما يقرؤه النموذج. تُحفظ تعليمات النظام دائمًا.</numerusform>
            <numerusform>لم تعد أقدم %Ln رسالة تتسع في سياق النموذج ({tokens} رمز)، لذا تُستبعد مما يقرؤه النموذج. تُحفظ تعليمات النظام دائمًا.</numerusform>
            <numerusform>لم تعد أقدم %Ln رسالة تتسع في سياق النموذج ({tokens} رمز)، لذا تُستبعد مما يقرؤه النموذج. تُحفظ تعليمات النظام دائمًا.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show 1 earlier message</source>
        <translation>عرض رسالة سابقة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>Show %n earlier messages</source>
        <translation>
            <numerusform>لا رسائل سابقة</numerusform>
            <numerusform>عرض رسالة سابقة واحدة</numerusform>
            <numerusform>عرض رسالتين سابقتين</numerusform>
            <numerusform>عرض %Ln رسائل سابقة</numerusform>
            <numerusform>عرض %Ln رسالة سابقة</numerusform>
            <numerusform>عرض %Ln رسالة سابقة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentIndex</name>
    <message>
        <source>The index of your local documents is damaged. chatapp will move it aside and index your folders again; your files are not affected.</source>
        <translation>فهرس مستنداتك المحلية تالف. سينقله chatapp جانبًا ويعيد فهرسة مجلداتك؛ لن تتأثر ملفاتك.</translation>
    </message>
    <message>
        <source>The disk is full, so the index of your local documents could not be saved. Free some space; indexing continues where it stopped.</source>
        <translation>القرص ممتلئ، لذلك تعذّر حفظ فهرس مستنداتك المحلية. حرّر بعض المساحة؛ ستستأنف الفهرسة من حيث توقفت.</translation>
    </message>
    <message>
        <source>The index of your local documents stayed busy too long (another chatapp window may be indexing). Try again in a moment.</source>
        <translation>ظل فهرس مستنداتك المحلية مشغولًا مدة طويلة (ربما تفهرس نافذة أخرى من chatapp). حاول مرة أخرى بعد قليل.</translation>
    </message>
    <message>
        <source>The index of your local documents ({path}) could not be read or written ({error}).</source>
        <translation>تعذّرت قراءة فهرس مستنداتك المحلية ({path}) أو الكتابة فيه ({error}).</translation>
    </message>
    <message>
        <source>The vector search extension (sqlite-vec) could not be loaded; reinstall chatapp. ({error})</source>
        <translation>تعذّر تحميل امتداد البحث المتجهي (sqlite-vec)؛ أعد تثبيت chatapp. ({error})</translation>
    </message>
    <message>
        <source>The index of your local documents was written by a newer version of chatapp (format {version}; this version reads up to {latest}). Update chatapp to use it. The file was not changed: {path}</source>
        <translation>كُتب فهرس مستنداتك المحلية بإصدار أحدث من chatapp (الصيغة {version}؛ يقرأ هذا الإصدار حتى {latest}). حدِّث chatapp لاستخدامه. لم يُغيَّر الملف: {path}</translation>
    </message>
    <message>
        <source>The index of your local documents ({path}) could not be created ({error}).</source>
        <translation>تعذّر إنشاء فهرس مستنداتك المحلية ({path}) ({error}).</translation>
    </message>
    <message>
        <source>The index of your local documents was damaged, so chatapp moved it aside ({name}) and is indexing your folders again. Your collections were kept.</source>
        <translation>كان فهرس مستنداتك المحلية تالفًا، لذلك نقله chatapp جانبًا ({name}) ويعيد فهرسة مجلداتك. احتُفظ بمجموعاتك.</translation>
    </message>
    <message>
        <source>The index of your local documents was damaged, so chatapp moved it aside ({name}) and is indexing your folders again. Add your folders to Local documents again.</source>
        <translation>كان فهرس مستنداتك المحلية تالفًا، لذلك نقله chatapp جانبًا ({name}) ويعيد فهرسة مجلداتك. أضف مجلداتك إلى «المستندات المحلية» مرة أخرى.</translation>
    </message>
    <message>
        <source>The index of your local documents is closed.</source>
        <translation>فهرس مستنداتك المحلية مغلق.</translation>
    </message>
    <message>
        <source>That collection no longer exists.</source>
        <translation>لم تعد هذه المجموعة موجودة.</translation>
    </message>
    <message>
        <source>One vector per passage is needed.</source>
        <translation>يلزم متجه واحد لكل مقطع.</translation>
    </message>
    <message>
        <source>No embedding model is set for the index.</source>
        <translation>لم يُحدَّد نموذج تضمين للفهرس.</translation>
    </message>
    <message>
        <source>Unusable embedding model ({model}, {dimensions}).</source>
        <translation>نموذج تضمين غير صالح للاستخدام ({model}، {dimensions}).</translation>
    </message>
    <message>
        <source>A vector of {count} numbers does not fit the index ({dimensions}).</source>
        <translation>متجه من {count} عدد لا يناسب الفهرس ({dimensions}).</translation>
    </message>
    <message>
        <source>The question's vector ({count} numbers) is not of the index's embedding model ({dimensions}).</source>
        <translation>متجه السؤال ({count} عدد) ليس من نموذج التضمين الخاص بالفهرس ({dimensions}).</translation>
    </message>
    <message>
        <source>A collection needs a name.</source>
        <translation>تحتاج المجموعة إلى اسم.</translation>
    </message>
    <message>
        <source>A collection's name can be at most {count} characters long.</source>
        <translation>لا يمكن أن يتجاوز اسم المجموعة {count} حرفًا.</translation>
    </message>
    <message>
        <source>this could not be read ({error})</source>
        <translation>تعذّرت قراءة هذا ({error})</translation>
    </message>
    <message>
        <source>It changed while chatapp read it.</source>
        <translation>تغيّر الملف أثناء قراءة chatapp له.</translation>
    </message>
    <message>
        <source>chatapp could not read {name} (an internal error; the details are in its log).</source>
        <translation>تعذّر على chatapp قراءة {name} (خطأ داخلي؛ التفاصيل في سجله).</translation>
    </message>
    <message>
        <source>{name} changed while chatapp was reading it; it will be read again.</source>
        <translation>تغيّر {name} أثناء قراءة chatapp له؛ ستُعاد قراءته.</translation>
    </message>
    <message>
        <source>The embedding model gave vectors that do not fit its own description.</source>
        <translation>أعطى نموذج التضمين متجهات لا تطابق وصفه.</translation>
    </message>
    <message>
        <source>The embedding model failed ({error}).</source>
        <translation>فشل نموذج التضمين ({error}).</translation>
    </message>
    <message>
        <source>chatapp is not allowed to read this folder</source>
        <translation>لا يُسمح لـ chatapp بقراءة هذا المجلد</translation>
    </message>
    <message>
        <source>this folder does not exist (any more)</source>
        <translation>هذا المجلد غير موجود (أو لم يعد موجودًا)</translation>
    </message>
    <message>
        <source>this is not a folder</source>
        <translation>هذا ليس مجلدًا</translation>
    </message>
    <message>
        <source>this folder could not be read ({error})</source>
        <translation>تعذّرت قراءة هذا المجلد ({error})</translation>
    </message>
    <message>
        <source>{folder} is not there, so changes in it are not followed.</source>
        <translation>{folder} غير موجود، لذلك لا تُتابَع التغييرات فيه.</translation>
    </message>
    <message>
        <source>Changes in {folder} are not followed ({error}); they are picked up at the next start.</source>
        <translation>لا تُتابَع التغييرات في {folder} ({error})؛ ستُلتقط عند التشغيل التالي.</translation>
    </message>
</context>
<context>
    <name>DocumentReader</name>
    <message>
        <source>{name} is protected by a password or is an old Word file (.doc), so chatapp cannot read it. Open it in Word or LibreOffice and save it as .docx without a password, then attach that copy.</source>
        <translation>{name} محمي بكلمة مرور أو ملف Word قديم (.doc)، لذلك لا يستطيع chatapp قراءته. افتحه في Word أو LibreOffice واحفظه بصيغة .docx دون كلمة مرور، ثم أرفق تلك النسخة.</translation>
    </message>
    <message>
        <source>{name} holds more text than chatapp reads from one document ({count} characters); the rest was left out.</source>
        <translation>يحتوي {name} على نص أكثر مما يقرؤه chatapp من مستند واحد ({count} حرف)؛ تُرك الباقي.</translation>
    </message>
    <message>
        <source>{name} is not a Word document chatapp can read: it is damaged or not a .docx file. If it opens in Word or LibreOffice, save it again as .docx and attach that.</source>
        <translation>{name} ليس مستند Word يستطيع chatapp قراءته: فهو تالف أو ليس ملف .docx. إن كان يُفتح في Word أو LibreOffice، فاحفظه مجددًا بصيغة .docx وأرفق ذلك الملف.</translation>
    </message>
    <message>
        <source>{name} unpacks to more than chatapp reads from one Word document ({size} MB in at most {count} parts). Save its text as a smaller document or as PDF.</source>
        <translation>يتجاوز {name} بعد فك ضغطه ما يقرؤه chatapp من مستند Word واحد ({size} ميغابايت في {count} جزء على الأكثر). احفظ نصه في مستند أصغر أو بصيغة PDF.</translation>
    </message>
    <message>
        <source>{name} is damaged: chatapp could not read its text. If it opens in a PDF viewer, print it to a new PDF from there and attach that.</source>
        <translation>{name} تالف: تعذّر على chatapp قراءة نصه. إن كان يُفتح في عارض PDF، فاطبعه من هناك إلى ملف PDF جديد وأرفق ذلك الملف.</translation>
    </message>
    <message>
        <source>{name} is protected by a password, so chatapp cannot read it. Open it with the password and save it as PDF without a password, then attach that copy.</source>
        <translation>{name} محمي بكلمة مرور، لذلك لا يستطيع chatapp قراءته. افتحه بكلمة المرور واحفظه بصيغة PDF دون كلمة مرور، ثم أرفق تلك النسخة.</translation>
    </message>
    <message>
        <source>{name} is not a PDF chatapp can read: it is damaged or not a PDF at all. If it opens in a PDF viewer, print it to a new PDF from there and attach that.</source>
        <translation>{name} ليس ملف PDF يستطيع chatapp قراءته: فهو تالف أو ليس PDF أصلًا. إن كان يُفتح في عارض PDF، فاطبعه من هناك إلى ملف PDF جديد وأرفق ذلك الملف.</translation>
    </message>
    <message>
        <source>{name} holds more text than chatapp reads from one PDF ({count} characters): it was read up to page {page}.</source>
        <translation>يحتوي {name} على نص أكثر مما يقرؤه chatapp من ملف PDF واحد ({count} حرف): قُرئ حتى الصفحة {page}.</translation>
    </message>
    <message>
        <source>{name} is damaged: chatapp could not read the text of any of its pages. If it opens in a PDF viewer, print it to a new PDF from there and attach that.</source>
        <translation>{name} تالف: تعذّر على chatapp قراءة نص أي من صفحاته. إن كان يُفتح في عارض PDF، فاطبعه من هناك إلى ملف PDF جديد وأرفق ذلك الملف.</translation>
    </message>
    <message>
        <source>{name} has {pages} but no text chatapp can read: it is probably scanned (pictures of pages). Run it through text recognition (OCR), for example with your scanner's software or ocrmypdf, and attach the result.</source>
        <translation>يحتوي {name} على {pages} لكن بلا نص يستطيع chatapp قراءته: ربما هو ممسوح ضوئيًا (صور لصفحات). مرّره على برنامج للتعرّف على النصوص (OCR)، مثل برنامج الماسح الضوئي أو ocrmypdf، وأرفق الناتج.</translation>
    </message>
    <message>
        <source>Page {pages} of {name} has no text (probably scanned); chatapp left it out.</source>
        <translation>الصفحة {pages} من {name} لا تحتوي على نص (ربما ممسوحة ضوئيًا)؛ تجاوزها chatapp.</translation>
    </message>
    <message>
        <source>Pages {pages} of {name} have no text (probably scanned); chatapp left them out.</source>
        <translation>الصفحات {pages} من {name} لا تحتوي على نص (ربما ممسوحة ضوئيًا)؛ تجاوزها chatapp.</translation>
    </message>
    <message>
        <source>Page {pages} of {name} is damaged; chatapp left it out.</source>
        <translation>الصفحة {pages} من {name} تالفة؛ تجاوزها chatapp.</translation>
    </message>
    <message>
        <source>Pages {pages} of {name} are damaged; chatapp left them out.</source>
        <translation>الصفحات {pages} من {name} تالفة؛ تجاوزها chatapp.</translation>
    </message>
    <message>
        <source>Page {pages} of {name} holds more than {count} characters; only that much was read.</source>
        <translation>الصفحة {pages} من {name} تحتوي على أكثر من {count} حرف؛ قُرئ هذا القدر فقط.</translation>
    </message>
    <message>
        <source>Pages {pages} of {name} hold more than {count} characters each; only that much was read.</source>
        <translation>تحتوي كل صفحة من الصفحات {pages} من {name} على أكثر من {count} حرف؛ قُرئ هذا القدر فقط.</translation>
    </message>
    <message>
        <source>{name} has {count} pages; chatapp read the first {read}.</source>
        <translation>يتكون {name} من {count} صفحة؛ قرأ chatapp أول {read} منها.</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>صفحة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>لا صفحات</numerusform>
            <numerusform>صفحة واحدة</numerusform>
            <numerusform>صفحتان</numerusform>
            <numerusform>%Ln صفحات</numerusform>
            <numerusform>%Ln صفحة</numerusform>
            <numerusform>%Ln صفحة</numerusform>
        </translation>
    </message>
    <message>
        <source>{list} and {last}</source>
        <translation>{list} و{last}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between page numbers</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>a ZIP archive (perhaps a Word, Excel or other Office document)</source>
        <translation>أرشيف ZIP (ربما مستند Word أو Excel أو مستند Office آخر)</translation>
    </message>
    <message>
        <source>an old Office document or a password-protected one</source>
        <translation>مستند Office قديم أو محمي بكلمة مرور</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>صورة PNG</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>صورة JPEG</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>صورة GIF</translation>
    </message>
    <message>
        <source>a program</source>
        <translation>برنامج</translation>
    </message>
    <message>
        <source>a Windows program</source>
        <translation>برنامج Windows</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>أرشيف gzip</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>أرشيف RAR</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>أرشيف 7-Zip</translation>
    </message>
    <message>
        <source>an SQLite database</source>
        <translation>قاعدة بيانات SQLite</translation>
    </message>
    <message>
        <source>a GGUF model file</source>
        <translation>ملف نموذج GGUF</translation>
    </message>
    <message>
        <source>If it is a document, open it in the program that made it and save it as PDF, DOCX or plain text.</source>
        <translation>إن كان مستندًا، فافتحه في البرنامج الذي أنشأه واحفظه بصيغة PDF أو DOCX أو نص عادي.</translation>
    </message>
    <message>
        <source>{name} does not hold text (it looks like {kind}), so chatapp cannot read it.</source>
        <translation>{name} لا يحتوي على نص (يبدو أنه {kind})، لذلك لا يستطيع chatapp قراءته.</translation>
    </message>
    <message>
        <source>{name} does not hold text, so chatapp cannot read it.</source>
        <translation>{name} لا يحتوي على نص، لذلك لا يستطيع chatapp قراءته.</translation>
    </message>
    <message>
        <source>.txt, .md, .pdf, .docx, .html and source code files</source>
        <translation>ملفات .txt و.md و.pdf و.docx و.html وملفات الشيفرة المصدرية</translation>
    </message>
    <message>
        <source>chatapp cannot read {name}: it reads {kinds}. Open it in the program that made it and save it as {instead} (or as PDF), then attach that.</source>
        <translation>لا يستطيع chatapp قراءة {name}: فهو يقرأ {kinds}. افتحه في البرنامج الذي أنشأه واحفظه بصيغة {instead} (أو PDF)، ثم أرفق ذلك الملف.</translation>
    </message>
    <message>
        <source>chatapp cannot read {name}: it reads {kinds}. If it is a document, save it as PDF or plain text and attach that.</source>
        <translation>لا يستطيع chatapp قراءة {name}: فهو يقرأ {kinds}. إن كان مستندًا، فاحفظه بصيغة PDF أو نص عادي وأرفق ذلك الملف.</translation>
    </message>
    <message>
        <source>{name} is {size}; chatapp reads files of this kind up to {limit}. Split it into smaller files, or attach only the part you need.</source>
        <translation>حجم {name} هو {size}؛ يقرأ chatapp الملفات من هذا النوع حتى {limit}. قسّمه إلى ملفات أصغر، أو أرفق الجزء الذي تحتاج إليه فقط.</translation>
    </message>
    <message>
        <source>{name} is not a file name chatapp can open.</source>
        <translation>{name} ليس اسم ملف يستطيع chatapp فتحه.</translation>
    </message>
    <message>
        <source>{name} changed while chatapp was reading it. Wait until it is saved completely (or the program writing it is done), then try again.</source>
        <translation>تغيّر {name} أثناء قراءة chatapp له. انتظر حتى يُحفظ بالكامل (أو ينتهي البرنامج الذي يكتبه)، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file. To use the files in a folder, add it under Local documents.</source>
        <translation>{name} مجلد وليس ملفًا. لاستخدام ملفات مجلد، أضفه ضمن «المستندات المحلية».</translation>
    </message>
    <message>
        <source>{name} is a link to another file, and links are not followed here. Add the file it points to instead.</source>
        <translation>{name} رابط إلى ملف آخر، ولا تُتبَع الروابط هنا. أضف الملف الذي يشير إليه بدلًا منه.</translation>
    </message>
    <message>
        <source>a pipe</source>
        <translation>أنبوب (pipe)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>مقبس (socket)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>جهاز</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>ليس ملفًا</translation>
    </message>
    <message>
        <source>{name} is {what}, not a regular file, so chatapp does not read it. Save what you want to use as a file and add that.</source>
        <translation>{name} هو {what} وليس ملفًا عاديًا، لذلك لا يقرؤه chatapp. احفظ ما تريد استخدامه في ملف وأضفه.</translation>
    </message>
    <message>
        <source>chatapp is not allowed to read {name} (permission denied). Check the file's permissions, or copy it to a folder of yours and add the copy.</source>
        <translation>لا يُسمح لـ chatapp بقراءة {name} (رُفض الإذن). تحقّق من أذونات الملف، أو انسخه إلى مجلد خاص بك وأضف النسخة.</translation>
    </message>
    <message>
        <source>{name} is a link to a file that is not there any more. Add the file itself instead.</source>
        <translation>{name} رابط إلى ملف لم يعد موجودًا. أضف الملف نفسه بدلًا منه.</translation>
    </message>
    <message>
        <source>{name} is not there any more: it was moved, renamed or deleted.</source>
        <translation>{name} لم يعد موجودًا: نُقل أو أُعيدت تسميته أو حُذف.</translation>
    </message>
    <message>
        <source>{name} is a link that leads back to itself (a link loop), so there is no file to read. Add the file itself instead.</source>
        <translation>{name} رابط يعود إلى نفسه (حلقة روابط)، لذلك لا يوجد ملف لقراءته. أضف الملف نفسه بدلًا منه.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file.</source>
        <translation>{name} مجلد وليس ملفًا.</translation>
    </message>
    <message>
        <source>chatapp could not read {name} ({error}). Check that the disk or network drive it is on is still there, then try again.</source>
        <translation>تعذّر على chatapp قراءة {name} ({error}). تحقّق من أن القرص أو محرك الشبكة الذي يحويه ما زال متاحًا، ثم حاول مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>DocumentsWording</name>
    <message>
        <source>Without an embedding model, passages are found by the words of the question alone. An embedding model also finds the passages that say the same thing in other words (“car repair costs” finds “what I paid the garage”). Get one in the Models pane: they are small and run on the CPU.</source>
        <translation>من دون نموذج تضمين، لا تُوجد المقاطع إلا بكلمات السؤال وحدها. أما نموذج التضمين فيجد أيضًا المقاطع التي تقول الشيء نفسه بكلمات أخرى («تكاليف إصلاح السيارة» يجد «ما دفعته للورشة»). احصل على واحد من قسم النماذج: فهي صغيرة وتعمل على المعالج.</translation>
    </message>
    <message>
        <source>Passages are found by their words and by their meaning ({model}). Changing the model embeds every passage again.</source>
        <translation>تُوجد المقاطع بكلماتها وبمعناها ({model}). وتغيير النموذج يعيد تضمين كل المقاطع.</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>ملف واحد</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>لا ملفات</numerusform>
            <numerusform>ملف واحد</numerusform>
            <numerusform>ملفان</numerusform>
            <numerusform>%Ln ملفات</numerusform>
            <numerusform>%Ln ملفًا</numerusform>
            <numerusform>%Ln ملف</numerusform>
        </translation>
    </message>
    <message>
        <source>1 passage</source>
        <translation>مقطع واحد</translation>
    </message>
    <message numerus="yes">
        <source>%n passages</source>
        <translation>
            <numerusform>لا مقاطع</numerusform>
            <numerusform>مقطع واحد</numerusform>
            <numerusform>مقطعان</numerusform>
            <numerusform>%Ln مقاطع</numerusform>
            <numerusform>%Ln مقطعًا</numerusform>
            <numerusform>%Ln مقطع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>لا إخفاقات</numerusform>
            <numerusform>واحد فشل</numerusform>
            <numerusform>اثنان فشلا</numerusform>
            <numerusform>%Ln فشلت</numerusform>
            <numerusform>%Ln فشلت</numerusform>
            <numerusform>%Ln فشلت</numerusform>
        </translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>متوقفة مؤقتًا</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>جارٍ الفهرسة…</translation>
    </message>
    <message>
        <source>No files found yet</source>
        <translation>لم يُعثر على ملفات بعد</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>لا شيء في الانتظار</numerusform>
            <numerusform>واحد في الانتظار</numerusform>
            <numerusform>اثنان في الانتظار</numerusform>
            <numerusform>%Ln في الانتظار</numerusform>
            <numerusform>%Ln في الانتظار</numerusform>
            <numerusform>%Ln في الانتظار</numerusform>
        </translation>
    </message>
    <message>
        <source>Indexed</source>
        <translation>مفهرس</translation>
    </message>
    <message>
        <source>1 passage to embed</source>
        <translation>مقطع واحد للتضمين</translation>
    </message>
    <message numerus="yes">
        <source>%n passages to embed</source>
        <translation>
            <numerusform>لا مقاطع للتضمين</numerusform>
            <numerusform>مقطع واحد للتضمين</numerusform>
            <numerusform>مقطعان للتضمين</numerusform>
            <numerusform>%Ln مقاطع للتضمين</numerusform>
            <numerusform>%Ln مقطعًا للتضمين</numerusform>
            <numerusform>%Ln مقطع للتضمين</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for files in {name}: {files} found</source>
        <translation>جارٍ البحث عن الملفات في {name}: عُثر على {files}</translation>
    </message>
    <message>
        <source>Embedding the passages of {name}: {count} done</source>
        <translation>جارٍ تضمين مقاطع {name}: أُنجز {count}</translation>
    </message>
    <message>
        <source>{name}: done</source>
        <translation>{name}: انتهى</translation>
    </message>
    <message>
        <source>Reading {name}: {done} of {files}</source>
        <translation>جارٍ قراءة {name}: {done} من {files}</translation>
    </message>
    <message>
        <source>{rate} files/s</source>
        <translation>{rate} ملف/ث</translation>
    </message>
    <message>
        <source>about {duration} left</source>
        <translation>بقي نحو {duration}</translation>
    </message>
    <message>
        <source>Paused · {progress}</source>
        <translation>متوقفة مؤقتًا · {progress}</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>في الانتظار</translation>
    </message>
</context>
<context>
    <name>DownloadRow</name>
    <message>
        <source>Waiting</source>
        <translation>في الانتظار</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>جارٍ التنزيل</translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation>جارٍ فحص الملف</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>جارٍ التثبيت</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>متوقف مؤقتًا</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>اكتمل</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <source>{done} of {total} ({percent}%)</source>
        <translation>{done} من {total} ({percent}٪)</translation>
    </message>
    <message>
        <source>{size}/s</source>
        <translation>{size}/ث</translation>
    </message>
    <message>
        <source>{duration} left</source>
        <translation>يتبقى {duration}</translation>
    </message>
    <message>
        <source>Download of {name}</source>
        <translation>تنزيل {name}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>تحميل</translation>
    </message>
    <message>
        <source>Progress of {name}</source>
        <translation>تقدّم {name}</translation>
    </message>
    <message>
        <source>State of {name}</source>
        <translation>حالة {name}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
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
        <translation>فهرس نماذج chatapp</translation>
    </message>
    <message>
        <source>the hub ({host})</source>
        <translation>المستودع ({host})</translation>
    </message>
    <message>
        <source>the hub</source>
        <translation>المستودع</translation>
    </message>
    <message>
        <source>{name} is split into {count} files but the repository lacks part(s) {missing}, so it cannot be downloaded.</source>
        <translation>{name} مقسّم على {count} ملفات لكن المستودع ينقصه الجزء (الأجزاء) {missing}، لذا لا يمكن تنزيله.</translation>
    </message>
    <message>
        <source>"{name}" is not a file name chatapp can save safely.</source>
        <translation>«{name}» ليس اسم ملف يستطيع chatapp الحفظ به بأمان.</translation>
    </message>
    <message>
        <source>Nothing to download.</source>
        <translation>لا يوجد ما يُنزَّل.</translation>
    </message>
    <message>
        <source>Two of these files have the same name.</source>
        <translation>ملفان من هذه الملفات لهما الاسم نفسه.</translation>
    </message>
    <message>
        <source>{name} is already in your models folder.</source>
        <translation>{name} موجود بالفعل في مجلد نماذجك.</translation>
    </message>
    <message>
        <source>{name} is already being downloaded.</source>
        <translation>{name} قيد التنزيل بالفعل.</translation>
    </message>
    <message>
        <source>This download is running in another chatapp window. Let it finish there, or close that window and try again here.</source>
        <translation>هذا التنزيل جارٍ في نافذة chatapp أخرى. دعه يكتمل هناك، أو أغلق تلك النافذة وحاول مجددًا هنا.</translation>
    </message>
    <message>
        <source>The file changed on the hub since the download began, so it started over.</source>
        <translation>تغيّر الملف على المستودع منذ بدء التنزيل، لذا بدأ التنزيل من جديد.</translation>
    </message>
    <message>
        <source>The hub publishes no checksum for {filename}, so chatapp cannot check the download and does not install it.</source>
        <translation>لا ينشر المستودع مجموع تحقق لـ {filename}، لذا لا يستطيع chatapp التحقق من التنزيل ولن يثبّته.</translation>
    </message>
    <message>
        <source>The hub changed its answer about this file while downloading it.</source>
        <translation>غيّر المستودع إجابته عن هذا الملف أثناء تنزيله.</translation>
    </message>
    <message>
        <source>The server could not continue where the download stopped, so this file started over.</source>
        <translation>لم يستطع الخادم المتابعة من حيث توقّف التنزيل، لذا بدأ هذا الملف من جديد.</translation>
    </message>
    <message>
        <source>{host} answered the download with an unexpected status ({status}).</source>
        <translation>أجاب {host} على التنزيل بحالة غير متوقعة ({status}).</translation>
    </message>
</context>
<context>
    <name>DownloadsView</name>
    <message>
        <source>Downloads</source>
        <translation>التنزيلات</translation>
    </message>
</context>
<context>
    <name>Embedding</name>
    <message>
        <source>{name} could not be loaded as an embedding model ({problem}). The file may be damaged; download it again or choose another model.</source>
        <translation>تعذّر تحميل {name} كنموذج تضمين ({problem}). ربما الملف تالف؛ نزّله من جديد أو اختر نموذجًا آخر.</translation>
    </message>
    <message>
        <source>{name} could not be loaded as an embedding model. The file may be damaged; download it again or choose another model.</source>
        <translation>تعذّر تحميل {name} كنموذج تضمين. ربما الملف تالف؛ نزّله من جديد أو اختر نموذجًا آخر.</translation>
    </message>
    <message>
        <source>{name} does not make one vector per text (it is a chat or reranking model), so it cannot be used for Local documents. Choose an embedding model in the Models pane.</source>
        <translation>لا ينتج {name} متجهًا واحدًا لكل نص (فهو نموذج محادثة أو إعادة ترتيب)، لذا لا يمكن استخدامه لـ«المستندات المحلية». اختر نموذج تضمين في لوحة النماذج.</translation>
    </message>
    <message>
        <source>The embedding model was closed.</source>
        <translation>أُغلق نموذج التضمين.</translation>
    </message>
    <message>
        <source>The embedding model could not process the text (llama.cpp error {code}).</source>
        <translation>تعذّر على نموذج التضمين معالجة النص (خطأ llama.cpp رقم {code}).</translation>
    </message>
    <message>
        <source>The embedding model returned no vector.</source>
        <translation>لم يُرجع نموذج التضمين أي متجه.</translation>
    </message>
    <message>
        <source>The embedding model produced invalid numbers; the file may be damaged.</source>
        <translation>أنتج نموذج التضمين أرقامًا غير صالحة؛ ربما الملف تالف.</translation>
    </message>
    <message>
        <source>{name} is a chat model, not an embedding model, so it cannot index Local documents. Choose an embedding model in the Models pane.</source>
        <translation>{name} نموذج محادثة وليس نموذج تضمين، لذا لا يمكنه فهرسة المستندات المحلية. اختر نموذج تضمين في لوحة النماذج.</translation>
    </message>
    <message>
        <source>{name} is a reranking model, not an embedding model, so it cannot index Local documents. Choose an embedding model in the Models pane.</source>
        <translation>{name} نموذج لإعادة الترتيب وليس نموذج تضمين، لذا لا يمكنه فهرسة المستندات المحلية. اختر نموذج تضمين في لوحة النماذج.</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>The engine found no CPU backend that runs on this computer's processor in {folder}. Reinstall chatapp.</source>
        <translation>لم يجد المحرك في {folder} أي واجهة خلفية للمعالج تعمل على معالج هذا الحاسوب. أعد تثبيت chatapp.</translation>
    </message>
    <message>
        <source>Loading {name} was cancelled.</source>
        <translation>أُلغي تحميل {name}.</translation>
    </message>
    <message>
        <source>There is nothing to answer.</source>
        <translation>لا يوجد ما يُجاب عنه.</translation>
    </message>
    <message>
        <source>The prompt ({tokens} tokens) does not fit the context ({context} tokens).</source>
        <translation>لا يتسع الموجّه ({tokens} رمز) في السياق ({context} رمز).</translation>
    </message>
    <message>
        <source>The model could not process the text (llama.cpp error {code}). Try a shorter message or a new chat.</source>
        <translation>تعذّر على النموذج معالجة النص (خطأ llama.cpp رقم {code}). جرّب رسالة أقصر أو محادثة جديدة.</translation>
    </message>
    <message>
        <source>The grammar for this reply is not valid.</source>
        <translation>القواعد المحددة لهذا الرد غير صالحة.</translation>
    </message>
    <message>
        <source>{name} uses a model architecture this version of chatapp's engine cannot run. Update chatapp, or choose another model.</source>
        <translation>يستخدم {name} بنية نموذج لا يستطيع هذا الإصدار من محرك chatapp تشغيلها. حدّث chatapp أو اختر نموذجًا آخر.</translation>
    </message>
    <message>
        <source>There is not enough memory to load {name}. Close other programs, lower the context length in Settings, or choose a smaller model.</source>
        <translation>لا توجد ذاكرة كافية لتحميل {name}. أغلق البرامج الأخرى، أو اخفض طول السياق في الإعدادات، أو اختر نموذجًا أصغر.</translation>
    </message>
    <message>
        <source>{name} could not be loaded: the engine rejected it ({problem}). The file may be damaged or of a kind chatapp cannot run; download it again or choose another model.</source>
        <translation>تعذّر تحميل {name}: رفضه المحرك ({problem}). ربما الملف تالف أو من نوع لا يستطيع chatapp تشغيله؛ نزّله من جديد أو اختر نموذجًا آخر.</translation>
    </message>
    <message>
        <source>{name} could not be loaded: the engine rejected it. The file may be damaged or of a kind chatapp cannot run; download it again or choose another model.</source>
        <translation>تعذّر تحميل {name}: رفضه المحرك. ربما الملف تالف أو من نوع لا يستطيع chatapp تشغيله؛ نزّله من جديد أو اختر نموذجًا آخر.</translation>
    </message>
    <message>
        <source>{name} crashed the engine in a test load ({signal}), so it was not loaded into chatapp. The file is damaged or made in a way this engine cannot handle; download it again or choose another model.</source>
        <translation>تسبّب {name} في انهيار المحرك أثناء تحميل تجريبي ({signal})، لذا لم يُحمَّل في chatapp. الملف تالف أو مصنوع بطريقة لا يستطيع هذا المحرك التعامل معها؛ نزّله من جديد أو اختر نموذجًا آخر.</translation>
    </message>
    <message>
        <source>{name} could not be loaded in a test run (exit code {code}). The file may be damaged; download it again or choose another model.</source>
        <translation>تعذّر تحميل {name} في تشغيل تجريبي (رمز الخروج {code}). ربما الملف تالف؛ نزّله من جديد أو اختر نموذجًا آخر.</translation>
    </message>
    <message>
        <source>Loading {name} took longer than {seconds} seconds in a test run, so it was not loaded. The disk may be very slow, or the file broken.</source>
        <translation>استغرق تحميل {name} أكثر من {seconds} ثانية في تشغيل تجريبي، لذا لم يُحمَّل. ربما القرص بطيء جدًا أو الملف معطوب.</translation>
    </message>
    <message>
        <source>The model file {path} does not exist (any more). Choose another model.</source>
        <translation>ملف النموذج {path} غير موجود (لم يعد موجودًا). اختر نموذجًا آخر.</translation>
    </message>
    <message>
        <source>{name} is one part of a model split into several files, and {part} is missing. Download the model again.</source>
        <translation>{name} جزء من نموذج مقسّم على عدة ملفات، والجزء {part} مفقود. نزّل النموذج من جديد.</translation>
    </message>
    <message>
        <source>Cannot load {name}. {problem}</source>
        <translation>لا يمكن تحميل {name}. {problem}</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}.</source>
        <translation>لا يمكن قراءة {name}: {reason}.</translation>
    </message>
    <message>
        <source>Checking the model file…</source>
        <translation>جارٍ فحص ملف النموذج…</translation>
    </message>
    <message>
        <source>{name} is an embedding model: it turns text into vectors for Local documents, and cannot chat. Choose a chat model.</source>
        <translation>{name} نموذج تضمين: يحوّل النص إلى متجهات لـ«المستندات المحلية» ولا يستطيع المحادثة. اختر نموذج محادثة.</translation>
    </message>
    <message>
        <source>{name} is a reranking model, and cannot chat. Choose a chat model.</source>
        <translation>{name} نموذج لإعادة الترتيب ولا يستطيع المحادثة. اختر نموذج محادثة.</translation>
    </message>
    <message>
        <source>Test-loading the model…</source>
        <translation>جارٍ التحميل التجريبي للنموذج…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>جارٍ تحميل النموذج…</translation>
    </message>
    <message>
        <source>This message is too long for the model's context: the prompt needs {needed} tokens, and the context holds {context} (with {reserve} kept for the reply). Shorten the message, or raise the context length in Settings.</source>
        <translation>هذه الرسالة أطول من سياق النموذج: يحتاج الموجّه إلى {needed} رمز، ويتسع السياق لـ {context} (منها {reserve} محجوزة للرد). اختصر الرسالة أو زِد طول السياق في الإعدادات.</translation>
    </message>
</context>
<context>
    <name>EngineWorker</name>
    <message>
        <source>loading {model}</source>
        <translation>تحميل {model}</translation>
    </message>
    <message>
        <source>The server this chat used is no longer in Remote servers. Add it again, or choose another model above.</source>
        <translation>الخادم الذي استخدمته هذه المحادثة لم يعد ضمن الخوادم البعيدة. أضفه من جديد، أو اختر نموذجًا آخر أعلاه.</translation>
    </message>
    <message>
        <source>starting the reply</source>
        <translation>بدء الرد</translation>
    </message>
    <message>
        <source>No model is loaded. Load a model first.</source>
        <translation>لا يوجد نموذج محمَّل. حمّل نموذجًا أولًا.</translation>
    </message>
    <message>
        <source>finding the chat's documents</source>
        <translation>البحث عن مستندات المحادثة</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something unexpected went wrong while {doing} ({error}). This is a bug in chatapp; the details are in its log. Your chats are safe.</source>
        <translation>حدث خطأ غير متوقع أثناء {doing} ({error}). هذا خلل في chatapp، وتفاصيله في سجلّه. محادثاتك في أمان.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({error}). This is a bug in chatapp; the details are in its log. Your chats are safe.</source>
        <translation>حدث خطأ غير متوقع ({error}). هذا خلل في chatapp، وتفاصيله في سجلّه. محادثاتك في أمان.</translation>
    </message>
</context>
<context>
    <name>FileCopy</name>
    <message>
        <source>Copying {name} was stopped.</source>
        <translation>أُوقف نسخ {name}.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in chat</source>
        <translation>البحث في المحادثة</translation>
    </message>
    <message>
        <source>Words to find in the open chat. Enter goes to the next match, Shift+Enter to the previous one, Esc closes the bar.</source>
        <translation>كلمات يُبحث عنها في المحادثة المفتوحة. ينتقل مفتاح الإدخال إلى التطابق التالي، وShift+Enter إلى السابق، ويغلق Esc الشريط.</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>التطابقات</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>التطابق السابق</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>التطابق التالي</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>لا تطابقات</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>تطابق واحد</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>لا تطابقات</numerusform>
            <numerusform>تطابق واحد</numerusform>
            <numerusform>تطابقان</numerusform>
            <numerusform>%Ln تطابقات</numerusform>
            <numerusform>%Ln تطابقًا</numerusform>
            <numerusform>%Ln تطابق</numerusform>
        </translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} من {total}</translation>
    </message>
</context>
<context>
    <name>FitBadge</name>
    <message>
        <source>Memory fit: unknown</source>
        <translation>الملاءمة للذاكرة: غير معروفة</translation>
    </message>
    <message>
        <source>{fit} (est.)</source>
        <translation>{fit} (تقديري)</translation>
    </message>
    <message>
        <source>Unusable</source>
        <translation>غير صالح</translation>
    </message>
    <message>
        <source>Memory fit: {fit}</source>
        <translation>الملاءمة للذاكرة: {fit}</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>1 byte</source>
        <translation>بايت واحد</translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%Ln بايت</numerusform>
            <numerusform>بايت واحد</numerusform>
            <numerusform>بايتان</numerusform>
            <numerusform>%Ln بايتات</numerusform>
            <numerusform>%Ln بايتًا</numerusform>
            <numerusform>%Ln بايت</numerusform>
        </translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} ك.ب</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} م.ب</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} غ.ب</translation>
    </message>
    <message>
        <source>{size} TB</source>
        <translation>{size} ت.ب</translation>
    </message>
    <message>
        <source>{size} PB</source>
        <translation>{size} ب.ب</translation>
    </message>
    <message>
        <source>{count}B</source>
        <translation>{count} مليار</translation>
    </message>
    <message>
        <source>{count}M</source>
        <translation>{count} مليون</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} د</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} س</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} د {seconds} ث</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} س {minutes} د</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} ث</translation>
    </message>
    <message>
        <source>{used} / {total} tokens</source>
        <translation>{used} / {total} رمز</translation>
    </message>
</context>
<context>
    <name>GgufValidator</name>
    <message>
        <source>llama.cpp bundled with llama-cpp-python {version}</source>
        <translation>llama.cpp المرفق مع llama-cpp-python {version}</translation>
    </message>
    <message>
        <source>This model file is damaged or was not made correctly ({reason}). Download it again, or choose a different model file.</source>
        <translation>ملف النموذج هذا تالف أو لم يُصنع بشكل صحيح ({reason}). نزّله من جديد، أو اختر ملف نموذج آخر.</translation>
    </message>
    <message>
        <source>its header asks for an impossibly large amount of data</source>
        <translation>يطلب ترويسه كمية بيانات كبيرة على نحو مستحيل</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} بايت</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes). It was probably not downloaded completely; download it again.</source>
        <translation>الملف فارغ (0 بايت). غالبًا لم يكتمل تنزيله؛ نزّله من جديد.</translation>
    </message>
    <message>
        <source>The file ends early: it is {have} but its header says it needs at least {want}. It was probably not downloaded completely; download it again.</source>
        <translation>ينتهي الملف قبل أوانه: حجمه {have} لكن ترويسته تقول إنه يحتاج إلى {want} على الأقل. غالبًا لم يكتمل تنزيله؛ نزّله من جديد.</translation>
    </message>
    <message>
        <source>The file ends early: it is {have} but its header says it needs {want}. It was probably not downloaded completely; download it again.</source>
        <translation>ينتهي الملف قبل أوانه: حجمه {have} لكن ترويسته تقول إنه يحتاج إلى {want}. غالبًا لم يكتمل تنزيله؛ نزّله من جديد.</translation>
    </message>
    <message>
        <source>the tensor "{name}"</source>
        <translation>الموتر «{name}»</translation>
    </message>
    <message>
        <source>{place} is impossibly large</source>
        <translation>{place} كبير على نحو مستحيل</translation>
    </message>
    <message>
        <source>{place} has an unknown value type</source>
        <translation>{place} ذو نوع قيمة غير معروف</translation>
    </message>
    <message>
        <source>a .zip archive, or a PyTorch checkpoint</source>
        <translation>أرشيف ‎.zip أو نقطة حفظ PyTorch</translation>
    </message>
    <message>
        <source>a Git LFS pointer, not the file itself</source>
        <translation>مؤشّر Git LFS وليس الملف نفسه</translation>
    </message>
    <message>
        <source>a web page</source>
        <translation>صفحة ويب</translation>
    </message>
    <message>
        <source>a JSON text file</source>
        <translation>ملف نصي بصيغة JSON</translation>
    </message>
    <message>
        <source>a .safetensors file, which must be converted to GGUF first</source>
        <translation>ملف ‎.safetensors يجب تحويله إلى GGUF أولًا</translation>
    </message>
    <message>
        <source>a PyTorch checkpoint, which must be converted to GGUF first</source>
        <translation>نقطة حفظ PyTorch يجب تحويلها إلى GGUF أولًا</translation>
    </message>
    <message>
        <source>a model in the old GGML format, which llama.cpp no longer reads</source>
        <translation>نموذج بصيغة GGML القديمة التي لم يعد llama.cpp يقرؤها</translation>
    </message>
    <message>
        <source>a .gz archive</source>
        <translation>أرشيف ‎.gz</translation>
    </message>
    <message>
        <source>a compressed archive</source>
        <translation>أرشيف مضغوط</translation>
    </message>
    <message>
        <source>a text file</source>
        <translation>ملف نصي</translation>
    </message>
    <message>
        <source>it starts with "{start}"; {hint}?</source>
        <translation>يبدأ بـ«{start}»؛ {hint}؟</translation>
    </message>
    <message>
        <source>it starts with "{start}"</source>
        <translation>يبدأ بـ«{start}»</translation>
    </message>
    <message>
        <source>This file is not a GGUF model file ({what}). Download the model's .gguf file instead.</source>
        <translation>هذا الملف ليس ملف نموذج GGUF ({what}). نزّل بدلًا منه ملف ‎.gguf الخاص بالنموذج.</translation>
    </message>
    <message>
        <source>a text in its header claims to be {size} long</source>
        <translation>نص في ترويسته يدّعي أن طوله {size}</translation>
    </message>
    <message>
        <source>a list entry in its header is {size} long</source>
        <translation>مُدخلة قائمة في ترويسته طولها {size}</translation>
    </message>
    <message>
        <source>its vocabulary lists the token "{token}" more than once</source>
        <translation>يذكر معجمه الرمز «{token}» أكثر من مرة</translation>
    </message>
    <message>
        <source>its format version is 0</source>
        <translation>إصدار صيغته هو 0</translation>
    </message>
    <message>
        <source>This model file was made for big-endian computers and cannot be used on this computer. Download the ordinary (little-endian) .gguf file of the model instead.</source>
        <translation>صُنع ملف النموذج هذا لحواسيب big-endian ولا يمكن استخدامه على هذا الحاسوب. نزّل بدلًا منه ملف ‎.gguf العادي (little-endian) للنموذج.</translation>
    </message>
    <message>
        <source>This model file uses version 1 of the GGUF format, which is too old for this version of chatapp's engine. Download a newer conversion of the model.</source>
        <translation>يستخدم ملف النموذج هذا الإصدار 1 من صيغة GGUF، وهو أقدم من أن يقرأه هذا الإصدار من محرك chatapp. نزّل تحويلًا أحدث للنموذج.</translation>
    </message>
    <message>
        <source>This model file uses version {version} of the GGUF format, which is newer than this version of chatapp's engine ({engine}) can read. Update chatapp or choose another model file.</source>
        <translation>يستخدم ملف النموذج هذا الإصدار {version} من صيغة GGUF، وهو أحدث مما يستطيع هذا الإصدار من محرك chatapp ({engine}) قراءته. حدّث chatapp أو اختر ملف نموذج آخر.</translation>
    </message>
    <message>
        <source>its settings take up more than {size}</source>
        <translation>تشغل إعداداته أكثر من {size}</translation>
    </message>
    <message>
        <source>metadata entry {index}</source>
        <translation>مُدخلة البيانات الوصفية {index}</translation>
    </message>
    <message>
        <source>{place} has an empty name</source>
        <translation>{place} ذو اسم فارغ</translation>
    </message>
    <message>
        <source>the name of {place} is {size} long</source>
        <translation>اسم {place} طوله {size}</translation>
    </message>
    <message>
        <source>the setting "{key}" appears twice</source>
        <translation>الإعداد «{key}» مذكور مرتين</translation>
    </message>
    <message>
        <source>the setting "{key}"</source>
        <translation>الإعداد «{key}»</translation>
    </message>
    <message>
        <source>{place} is a list of lists, which GGUF does not allow</source>
        <translation>{place} قائمة من القوائم، وهو ما لا تسمح به GGUF</translation>
    </message>
    <message>
        <source>{place} claims {count} entries</source>
        <translation>{place} يدّعي وجود {count} مُدخلة</translation>
    </message>
    <message>
        <source>{place} has {count} entries, far more than any real model</source>
        <translation>{place} فيه {count} مُدخلة، أكثر بكثير من أي نموذج حقيقي</translation>
    </message>
    <message>
        <source>its general.alignment setting has the wrong type</source>
        <translation>إعداده general.alignment من نوع خاطئ</translation>
    </message>
    <message>
        <source>its data alignment {alignment} is not a power of two</source>
        <translation>محاذاة بياناته {alignment} ليست قوة للعدد اثنين</translation>
    </message>
    <message>
        <source>tensor {index}</source>
        <translation>الموتر {index}</translation>
    </message>
    <message>
        <source>the name of {place} is {length} bytes long; at most {limit} are allowed</source>
        <translation>اسم {place} طوله {length} بايت؛ والحد المسموح {limit}</translation>
    </message>
    <message>
        <source>the tensor name "{name}" contains a NUL character</source>
        <translation>اسم الموتر «{name}» يحتوي على محرف NUL</translation>
    </message>
    <message>
        <source>the tensor "{name}" appears twice</source>
        <translation>الموتر «{name}» مذكور مرتين</translation>
    </message>
    <message>
        <source>{place} has {count} dimensions; at most {limit} are allowed</source>
        <translation>{place} ذو {count} أبعاد؛ والحد المسموح {limit}</translation>
    </message>
    <message>
        <source>{place} has a negative size</source>
        <translation>{place} ذو حجم سالب</translation>
    </message>
    <message>
        <source>This model file stores {place} in an unknown format (type {type}), probably one newer than this version of chatapp's engine ({engine}). Update chatapp or choose another model file.</source>
        <translation>يخزّن ملف النموذج هذا {place} بصيغة غير معروفة (النوع {type})، غالبًا أحدث مما يعرفه هذا الإصدار من محرك chatapp ({engine}). حدّث chatapp أو اختر ملف نموذج آخر.</translation>
    </message>
    <message>
        <source>{place} has an invalid data type</source>
        <translation>{place} ذو نوع بيانات غير صالح</translation>
    </message>
    <message>
        <source>This model file stores its weights in the {format} format, which llama.cpp no longer supports. Download a newer conversion of the model.</source>
        <translation>يخزّن ملف النموذج هذا أوزانه بصيغة {format} التي لم يعد llama.cpp يدعمها. نزّل تحويلًا أحدث للنموذج.</translation>
    </message>
    <message>
        <source>{place} does not fit its {format} format</source>
        <translation>{place} لا يوافق صيغته {format}</translation>
    </message>
    <message>
        <source>the data of {place} is not aligned</source>
        <translation>بيانات {place} غير محاذاة</translation>
    </message>
    <message>
        <source>the data of {place} overlaps the tensor before it</source>
        <translation>بيانات {place} تتداخل مع الموتر الذي قبله</translation>
    </message>
    <message>
        <source>there is a gap before the data of {place}</source>
        <translation>توجد فجوة قبل بيانات {place}</translation>
    </message>
    <message>
        <source>its tensors are impossibly large</source>
        <translation>موترات الملف كبيرة على نحو مستحيل</translation>
    </message>
    <message>
        <source>its setting "{key}" has the wrong type</source>
        <translation>إعداده «{key}» من نوع خاطئ</translation>
    </message>
    <message>
        <source>the required setting "{key}" is missing</source>
        <translation>الإعداد المطلوب «{key}» مفقود</translation>
    </message>
    <message>
        <source>its setting "{key}" has {count} entries for {layers} layers</source>
        <translation>إعداده «{key}» فيه {count} مُدخلات لـ {layers} طبقة</translation>
    </message>
    <message>
        <source>its setting "{key}" has a negative entry</source>
        <translation>إعداده «{key}» فيه مُدخلة سالبة</translation>
    </message>
    <message>
        <source>it says the model has fewer tensors than this part contains</source>
        <translation>يذكر أن للنموذج موترات أقل مما يحتويه هذا الجزء</translation>
    </message>
    <message>
        <source>it calls itself part {part} of {count}</source>
        <translation>يصف نفسه بأنه الجزء {part} من {count}</translation>
    </message>
    <message>
        <source>it says the model has {count} layers</source>
        <translation>يذكر أن للنموذج {count} طبقة</translation>
    </message>
    <message>
        <source>its layer counts contradict each other</source>
        <translation>أعداد طبقاته متناقضة</translation>
    </message>
    <message>
        <source>it has a tensor "{name}" for a layer beyond its {count} layers</source>
        <translation>فيه موتر «{name}» لطبقة تتجاوز طبقاته الـ {count}</translation>
    </message>
    <message>
        <source>its mixture-of-experts settings contradict each other</source>
        <translation>إعدادات خليط الخبراء فيه متناقضة</translation>
    </message>
    <message>
        <source>its RoPE scaling type "{type}" is unknown</source>
        <translation>نوع تحجيم RoPE فيه «{type}» غير معروف</translation>
    </message>
    <message>
        <source>its pooling type {type} is unknown</source>
        <translation>نوع التجميع فيه {type} غير معروف</translation>
    </message>
    <message>
        <source>its setting "{key}" has fewer entries than the vocabulary</source>
        <translation>إعداده «{key}» فيه مُدخلات أقل من المعجم</translation>
    </message>
    <message>
        <source>its header claims {count} metadata entries</source>
        <translation>تدّعي ترويسته وجود {count} مُدخلة بيانات وصفية</translation>
    </message>
    <message>
        <source>its header claims {count} tensors</source>
        <translation>تدّعي ترويسته وجود {count} موتر</translation>
    </message>
    <message>
        <source>This file is part {part} of {count} of a model that is split into several files. Open the first part (its name ends in "{ending}") instead, with all parts in the same folder.</source>
        <translation>هذا الملف هو الجزء {part} من {count} من نموذج مقسّم على عدة ملفات. افتح بدلًا منه الجزء الأول (ينتهي اسمه بـ«{ending}»)، مع وضع كل الأجزاء في المجلد نفسه.</translation>
    </message>
    <message>
        <source>This GGUF file does not say what kind of model it is, so it cannot be run. Choose another model file.</source>
        <translation>لا يذكر ملف GGUF هذا نوع النموذج، لذا لا يمكن تشغيله. اختر ملف نموذج آخر.</translation>
    </message>
    <message>
        <source>This file is a vision add-on (a multimodal projector, often named mmproj-…), not a chat model on its own. Download the model's main .gguf file instead.</source>
        <translation>هذا الملف إضافة رؤية (مُسقِط متعدد الوسائط، يُسمّى غالبًا mmproj-…) وليس نموذج محادثة قائمًا بذاته. نزّل بدلًا منه ملف ‎.gguf الرئيسي للنموذج.</translation>
    </message>
    <message>
        <source>This model uses the "{architecture}" architecture, which this version of chatapp's engine ({engine}) cannot run. Update chatapp or choose another model.</source>
        <translation>يستخدم هذا النموذج البنية «{architecture}» التي لا يستطيع هذا الإصدار من محرك chatapp ({engine}) تشغيلها. حدّث chatapp أو اختر نموذجًا آخر.</translation>
    </message>
    <message>
        <source>it contains no model weights</source>
        <translation>لا يحتوي على أي أوزان للنموذج</translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>That chat no longer exists.</source>
        <translation>لم تعد هذه المحادثة موجودة.</translation>
    </message>
    <message>
        <source>That message no longer exists.</source>
        <translation>لم تعد هذه الرسالة موجودة.</translation>
    </message>
    <message>
        <source>That reply no longer exists.</source>
        <translation>لم يعد هذا الرد موجودًا.</translation>
    </message>
    <message>
        <source>The history file {path} is damaged or is not a chatapp history. chatapp has left it as it is; move it aside to start a new history.</source>
        <translation>ملف السجل {path} تالف أو ليس سجلًا لـ chatapp. ترك chatapp الملف كما هو؛ انقله إلى مكان آخر لبدء سجل جديد.</translation>
    </message>
    <message>
        <source>The chat history is busy (another chatapp window may be saving). Try again.</source>
        <translation>سجل المحادثات مشغول (ربما تحفظ نافذة أخرى من chatapp). حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The disk is full, so the chat history could not be saved.</source>
        <translation>القرص ممتلئ، لذلك تعذّر حفظ سجل المحادثات.</translation>
    </message>
    <message>
        <source>The history file {path} could not be read or written ({error}).</source>
        <translation>تعذّرت قراءة ملف السجل {path} أو الكتابة فيه ({error}).</translation>
    </message>
    <message>
        <source>The chat history could not be read or saved ({error}).</source>
        <translation>تعذّرت قراءة سجل المحادثات أو حفظه ({error}).</translation>
    </message>
    <message>
        <source>A chat title cannot be empty.</source>
        <translation>لا يمكن أن يكون عنوان المحادثة فارغًا.</translation>
    </message>
    <message>
        <source>Unknown message role {role}.</source>
        <translation>دور رسالة غير معروف {role}.</translation>
    </message>
    <message>
        <source>Message state {state} is not allowed here.</source>
        <translation>حالة الرسالة {state} غير مسموح بها هنا.</translation>
    </message>
    <message>
        <source>{value} is not an attachment's hash.</source>
        <translation>{value} ليس بصمة (hash) لمرفق.</translation>
    </message>
    <message>
        <source>Unknown attachment use {usage}.</source>
        <translation>استخدام مرفق غير معروف {usage}.</translation>
    </message>
    <message>
        <source>Citations are numbered 1, 2, 3 ... each once.</source>
        <translation>تُرقَّم الاستشهادات 1، 2، 3 … كل رقم مرة واحدة.</translation>
    </message>
    <message>
        <source>An attachment's size cannot be negative.</source>
        <translation>لا يمكن أن يكون حجم المرفق سالبًا.</translation>
    </message>
    <message>
        <source>Unknown citation source {source}.</source>
        <translation>مصدر استشهاد غير معروف {source}.</translation>
    </message>
    <message>
        <source>This history was written by a newer version of chatapp (history format {version}; this version reads up to {latest}). Update chatapp to open it. The file was not changed: {path}</source>
        <translation>كُتب هذا السجل بإصدار أحدث من chatapp (صيغة السجل {version}؛ يقرأ هذا الإصدار حتى {latest}). حدِّث chatapp لفتحه. لم يُغيَّر الملف: {path}</translation>
    </message>
    <message>
        <source>The history file {path} could not be created ({error}).</source>
        <translation>تعذّر إنشاء ملف السجل {path} ({error}).</translation>
    </message>
    <message>
        <source>The file {path} is an SQLite database, but not a chatapp history. chatapp has left it as it is; move it aside to start a new history.</source>
        <translation>الملف {path} قاعدة بيانات SQLite لكنه ليس سجلًا لـ chatapp. ترك chatapp الملف كما هو؛ انقله إلى مكان آخر لبدء سجل جديد.</translation>
    </message>
    <message>
        <source>The history file {path} could not be upgraded ({error}).</source>
        <translation>تعذّرت ترقية ملف السجل {path} ({error}).</translation>
    </message>
    <message>
        <source>The chat history is closed.</source>
        <translation>سجل المحادثات مغلق.</translation>
    </message>
    <message>
        <source>That reply is no longer being written (it is {state}).</source>
        <translation>لم يعد هذا الرد قيد الكتابة (حالته {state}).</translation>
    </message>
    <message>
        <source>The message this one follows no longer exists.</source>
        <translation>لم تعد الرسالة التي تليها هذه الرسالة موجودة.</translation>
    </message>
    <message>
        <source>Only the last reply can be continued.</source>
        <translation>لا يمكن متابعة إلا الرد الأخير.</translation>
    </message>
    <message>
        <source>That reply is still being written.</source>
        <translation>ما زال هذا الرد قيد الكتابة.</translation>
    </message>
    <message>
        <source>A backup cannot replace the history it is made from.</source>
        <translation>لا يمكن للنسخة الاحتياطية أن تحل محل السجل الذي أُنشئت منه.</translation>
    </message>
    <message>
        <source>{target} is open in another program (its {suffix} file exists); choose another backup file.</source>
        <translation>{target} مفتوح في برنامج آخر (ملفه {suffix} موجود)؛ اختر ملف نسخ احتياطي آخر.</translation>
    </message>
    <message>
        <source>The backup {target} could not be written ({error}).</source>
        <translation>تعذّرت كتابة النسخة الاحتياطية {target} ({error}).</translation>
    </message>
    <message>
        <source>Every imported chat needs its documents, or none does.</source>
        <translation>إما أن تحتاج كل محادثة مستوردة إلى مستنداتها أو لا تحتاج إليها أي محادثة.</translation>
    </message>
    <message>
        <source>Message {id} appears twice in an imported chat.</source>
        <translation>تظهر الرسالة {id} مرتين في محادثة مستوردة.</translation>
    </message>
    <message>
        <source>Message {id} of an imported chat follows a message that does not come before it.</source>
        <translation>الرسالة {id} في محادثة مستوردة تلي رسالة لا تسبقها.</translation>
    </message>
    <message>
        <source>An imported chat shows a message it does not have.</source>
        <translation>تعرض محادثة مستوردة رسالة لا تحتويها.</translation>
    </message>
</context>
<context>
    <name>HubClient</name>
    <message>
        <source>{host} does not answer like the Hugging Face hub (the version, checksum or size of a file is missing). Check the hub address and any proxy in between.</source>
        <translation>لا يجيب {host} كما يجيب مستودع Hugging Face (إصدار ملف أو مجموع تحققه أو حجمه مفقود). تحقّق من عنوان المستودع ومن أي وكيل بينكما.</translation>
    </message>
</context>
<context>
    <name>HubErrors</name>
    <message>
        <source>This download needs {needed} of free space (and a little more to spare), but only {free} is free on {where}. Free some space, then try again.</source>
        <translation>يحتاج هذا التنزيل إلى {needed} من المساحة الحرة (وقليل من الاحتياط)، لكن المتاح على {where} هو {free} فقط. حرّر بعض المساحة ثم حاول مجددًا.</translation>
    </message>
    <message>
        <source>This download needs {needed} of free space, but only {free} is free on {where}. Free some space, then try again.</source>
        <translation>يحتاج هذا التنزيل إلى {needed} من المساحة الحرة، لكن المتاح على {where} هو {free} فقط. حرّر بعض المساحة ثم حاول مجددًا.</translation>
    </message>
    <message>
        <source>The disk {where} is full, so the download stopped. Free some space, then try again (what was already downloaded is kept), or dismiss it to delete the partial file.</source>
        <translation>القرص {where} ممتلئ، لذا توقّف التنزيل. حرّر بعض المساحة ثم حاول مجددًا (ما نُزّل بالفعل محفوظ)، أو تجاهله لحذف الملف الجزئي.</translation>
    </message>
    <message>
        <source>{filename} was downloaded completely, but its checksum does not match the one published by {source}, so it was deleted and not installed. The file on the server may be damaged or was replaced; try again later or choose another file.</source>
        <translation>نُزّل {filename} كاملًا، لكن مجموع تحققه لا يطابق المجموع الذي نشره {source}، لذا حُذف ولم يُثبَّت. ربما الملف على الخادم تالف أو استُبدل؛ حاول مجددًا لاحقًا أو اختر ملفًا آخر.</translation>
    </message>
    <message>
        <source>The connection to {host} kept dropping, so the download stopped. What was already downloaded is kept: try again when your connection is back.</source>
        <translation>ظل الاتصال بـ {host} ينقطع، لذا توقّف التنزيل. ما نُزّل بالفعل محفوظ: حاول مجددًا حين يعود اتصالك.</translation>
    </message>
    <message>
        <source>The connection to {host} broke before its answer arrived. Check your internet connection and try again.</source>
        <translation>انقطع الاتصال بـ {host} قبل وصول إجابته. تحقّق من اتصالك بالإنترنت وحاول مجددًا.</translation>
    </message>
    <message>
        <source>{host} stopped sending the file: nothing arrived for {duration}, so the download stopped. What was already downloaded is kept: Try again continues from there.</source>
        <translation>توقّف {host} عن إرسال الملف: لم يصل شيء طوال {duration}، لذا توقّف التنزيل. ما نُزّل بالفعل محفوظ: «حاول مجددًا» يتابع من هناك.</translation>
    </message>
    <message>
        <source>If your network uses its own certificate authority, set the SSL_CERT_FILE environment variable to a file with its certificate and restart chatapp.</source>
        <translation>إن كانت شبكتك تستخدم جهة إصدار شهادات خاصة بها، فاضبط متغير البيئة SSL_CERT_FILE على ملف يحتوي شهادتها ثم أعد تشغيل chatapp.</translation>
    </message>
    <message>
        <source>this repository</source>
        <translation>هذا المستودع</translation>
    </message>
    <message>
        <source>Downloads are switched off on this computer (the HF_HUB_OFFLINE environment variable is set). Unset it and restart chatapp to use the model hub.</source>
        <translation>التنزيلات معطّلة على هذا الحاسوب (متغير البيئة HF_HUB_OFFLINE مضبوط). ألغِ ضبطه وأعد تشغيل chatapp لاستخدام مستودع النماذج.</translation>
    </message>
    <message>
        <source>{host} does not answer like the Hugging Face hub (a file's version information is missing). Check the hub address and any proxy in between.</source>
        <translation>لا يجيب {host} كما يجيب مستودع Hugging Face (معلومات إصدار ملف مفقودة). تحقّق من عنوان المستودع ومن أي وكيل بينكما.</translation>
    </message>
    <message>
        <source>"{repo}" is not a valid repository name (it looks like "owner/model-name").</source>
        <translation>«{repo}» ليس اسم مستودع صالحًا (شكله «owner/model-name»).</translation>
    </message>
    <message>
        <source>{repo} is gated and your access token's account has no access to it yet. Open {page} while signed in with that account, accept its terms (or wait until your access request is approved), then try again.</source>
        <translation>{repo} مقيّد الوصول، وليس لحساب رمز الوصول الخاص بك إذن بعد. افتح {page} وأنت مسجّل الدخول بذلك الحساب، واقبل شروطه (أو انتظر الموافقة على طلب وصولك)، ثم حاول مجددًا.</translation>
    </message>
    <message>
        <source>{repo} is gated: accept its terms on {page} and add a Hugging Face access token of that account in Settings, then try again.</source>
        <translation>{repo} مقيّد الوصول: اقبل شروطه على {page} وأضف رمز وصول Hugging Face لذلك الحساب في الإعدادات، ثم حاول مجددًا.</translation>
    </message>
    <message>
        <source>This version of {repo} no longer exists on the hub. Open the repository again to see its current files.</source>
        <translation>لم يعد هذا الإصدار من {repo} موجودًا على المستودع. افتح المستودع مجددًا لرؤية ملفاته الحالية.</translation>
    </message>
    <message>
        <source>{filename} is no longer in {repo} (it was renamed or removed). Open the repository again to see its current files.</source>
        <translation>لم يعد {filename} موجودًا في {repo} (أُعيدت تسميته أو أُزيل). افتح المستودع مجددًا لرؤية ملفاته الحالية.</translation>
    </message>
    <message>
        <source>The file is no longer in {repo} (it was renamed or removed). Open the repository again to see its current files.</source>
        <translation>لم يعد الملف موجودًا في {repo} (أُعيدت تسميته أو أُزيل). افتح المستودع مجددًا لرؤية ملفاته الحالية.</translation>
    </message>
    <message>
        <source>There is no model repository named {repo} on the hub, or it is private.</source>
        <translation>لا يوجد مستودع نماذج باسم {repo} على المستودع، أو أنه خاص.</translation>
    </message>
    <message>
        <source>The hub rejected your access token (it may be mistyped, expired or revoked). Check it in Settings, or remove it to download public models.</source>
        <translation>رفض المستودع رمز الوصول الخاص بك (ربما كُتب خطأً أو انتهت صلاحيته أو أُلغي). تحقّق منه في الإعدادات، أو أزِله لتنزيل النماذج العامة.</translation>
    </message>
    <message>
        <source>The hub refused access to {repo} ({status}). If it is private or gated, add an access token of an account that may read it.</source>
        <translation>رفض المستودع الوصول إلى {repo} ({status}). إن كان خاصًا أو مقيّد الوصول، فأضف رمز وصول لحساب مسموح له بقراءته.</translation>
    </message>
    <message>
        <source>{host} is limiting requests from this computer right now. Wait a few minutes, then try again.</source>
        <translation>يحدّ {host} حاليًا من الطلبات الواردة من هذا الحاسوب. انتظر بضع دقائق ثم حاول مجددًا.</translation>
    </message>
    <message>
        <source>{host} is limiting requests from this computer right now. Wait about {duration}, then try again.</source>
        <translation>يحدّ {host} حاليًا من الطلبات الواردة من هذا الحاسوب. انتظر نحو {duration} ثم حاول مجددًا.</translation>
    </message>
    <message>
        <source>{host} is having problems (error {status}). Try again later.</source>
        <translation>يواجه {host} مشكلات (الخطأ {status}). حاول مجددًا لاحقًا.</translation>
    </message>
    <message>
        <source>{host} answered with an error ({status}). Try again later.</source>
        <translation>أجاب {host} بخطأ ({status}). حاول مجددًا لاحقًا.</translation>
    </message>
    <message>
        <source>The connection to {host} is not secure: its certificate could not be verified ({problem}). chatapp does not download over a connection it cannot verify. {hint}</source>
        <translation>الاتصال بـ {host} غير آمن: تعذّر التحقق من شهادته ({problem}). لا ينزّل chatapp عبر اتصال لا يستطيع التحقق منه. {hint}</translation>
    </message>
    <message>
        <source>{host} did not answer in time. Check your internet connection and try again.</source>
        <translation>لم يُجب {host} في الوقت المحدد. تحقّق من اتصالك بالإنترنت وحاول مجددًا.</translation>
    </message>
    <message>
        <source>Cannot reach {host}. Check your internet connection and try again.</source>
        <translation>تعذّر الوصول إلى {host}. تحقّق من اتصالك بالإنترنت وحاول مجددًا.</translation>
    </message>
    <message>
        <source>where the models are kept</source>
        <translation>مكان حفظ النماذج</translation>
    </message>
    <message>
        <source>A file could not be read or written ({filename}): {reason}.</source>
        <translation>تعذّرت قراءة ملف أو الكتابة إليه ({filename}): {reason}.</translation>
    </message>
    <message>
        <source>A file could not be read or written: {reason}.</source>
        <translation>تعذّرت قراءة ملف أو الكتابة إليه: {reason}.</translation>
    </message>
    <message>
        <source>Something went wrong while talking to {host}: {error}</source>
        <translation>حدث خطأ أثناء التواصل مع {host}: {error}</translation>
    </message>
    <message>
        <source>{host} sent an answer chatapp does not understand. Try again later.</source>
        <translation>أرسل {host} إجابة لا يفهمها chatapp. حاول مجددًا لاحقًا.</translation>
    </message>
</context>
<context>
    <name>IndexThread</name>
    <message>
        <source>{reason} Local documents are searched by their words alone until another embedding model is chosen.</source>
        <translation>{reason} يُبحث في المستندات المحلية بكلماتها وحدها إلى أن يُختار نموذج تضمين آخر.</translation>
    </message>
</context>
<context>
    <name>InlineEditor</name>
    <message>
        <source>Edit message</source>
        <translation>تعديل الرسالة</translation>
    </message>
    <message>
        <source>Enter saves, Shift+Enter starts a new line, Esc cancels</source>
        <translation>Enter للحفظ، وShift+Enter لسطر جديد، وEsc للإلغاء</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Keep the message as it was (Esc)</source>
        <translation>إبقاء الرسالة كما كانت (Esc)</translation>
    </message>
</context>
<context>
    <name>InstalledTab</name>
    <message>
        <source>(custom template)</source>
        <translation>(قالب مخصص)</translation>
    </message>
    <message>
        <source>(embedding model, for Local documents)</source>
        <translation>(نموذج تضمين، للمستندات المحلية)</translation>
    </message>
    <message>
        <source>(loaded)</source>
        <translation>(محمَّل)</translation>
    </message>
    <message>
        <source>An embedding model: Local documents uses it. It cannot be loaded for chat.</source>
        <translation>نموذج تضمين: تستخدمه ميزة المستندات المحلية. لا يمكن تحميله للمحادثة.</translation>
    </message>
    <message>
        <source>Import model</source>
        <translation>استيراد نموذج</translation>
    </message>
    <message>
        <source>Use {file} where it is, or copy it into chatapp's models folder?</source>
        <translation>هل تستخدم {file} في مكانه، أم تنسخه إلى مجلد نماذج chatapp؟</translation>
    </message>
    <message>
        <source>Using it in place saves disk space; a copy keeps working if the original is moved or deleted.</source>
        <translation>استخدامه في مكانه يوفّر مساحة القرص؛ أما النسخة فتظل تعمل إن نُقل الأصل أو حُذف.</translation>
    </message>
    <message>
        <source>Use it where it is</source>
        <translation>استخدامه في مكانه</translation>
    </message>
    <message>
        <source>Copy it</source>
        <translation>نسخه</translation>
    </message>
    <message>
        <source>Installed models summary</source>
        <translation>ملخص النماذج المثبّتة</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>النماذج المثبّتة</translation>
    </message>
    <message>
        <source>One row per model file on this computer: its size, architecture, quantization, context, whether it fits, its speed here and where it is; a double click loads it, as Load does</source>
        <translation>صف لكل ملف نموذج على هذا الحاسوب: حجمه وبنيته وتكميمه وسياقه وملاءمته وسرعته هنا ومكانه؛ النقر المزدوج يحمّله كما يفعل زر «تحميل»</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>تحميل</translation>
    </message>
    <message>
        <source>Loads the selected model for chat</source>
        <translation>يحمّل النموذج المحدد للمحادثة</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>حذف…</translation>
    </message>
    <message>
        <source>Deletes the selected model, after asking</source>
        <translation>يحذف النموذج المحدد بعد التأكيد</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>إظهار في المجلد</translation>
    </message>
    <message>
        <source>Opens the folder that holds the selected model's file</source>
        <translation>يفتح المجلد الذي يحوي ملف النموذج المحدد</translation>
    </message>
    <message>
        <source>Chat template…</source>
        <translation>قالب المحادثة…</translation>
    </message>
    <message>
        <source>View and edit the chat template this model's conversations are written in</source>
        <translation>عرض قالب المحادثة الذي تُكتب به محادثات هذا النموذج وتحريره</translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation>استيراد ملف GGUF…</translation>
    </message>
    <message>
        <source>Adds a GGUF model file from elsewhere on this computer</source>
        <translation>يضيف ملف نموذج GGUF من مكان آخر على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Installed models status</source>
        <translation>حالة النماذج المثبّتة</translation>
    </message>
    <message>
        <source>models folder</source>
        <translation>مجلد النماذج</translation>
    </message>
    <message numerus="yes">
        <source>%n models, {size}, in {folder}</source>
        <translation>
            <numerusform>لا نماذج، {size}، في {folder}</numerusform>
            <numerusform>نموذج واحد، {size}، في {folder}</numerusform>
            <numerusform>نموذجان، {size}، في {folder}</numerusform>
            <numerusform>%Ln نماذج، {size}، في {folder}</numerusform>
            <numerusform>%Ln نموذجًا، {size}، في {folder}</numerusform>
            <numerusform>%Ln نموذج، {size}، في {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>No models yet: download one from Recommended or Search, or import a GGUF file you already have.</source>
        <translation>لا نماذج بعد: نزّل نموذجًا من «الموصى بها» أو «البحث في مستودع النماذج»، أو استورد ملف GGUF لديك.</translation>
    </message>
    <message>
        <source>This model is loaded: load another one before deleting it.</source>
        <translation>هذا النموذج محمَّل: حمّل نموذجًا آخر قبل حذفه.</translation>
    </message>
    <message>
        <source>Delete {file} ({size}) from this computer? You can download it again later.</source>
        <translation>هل تحذف {file} ({size}) من هذا الحاسوب؟ يمكنك تنزيله مجددًا لاحقًا.</translation>
    </message>
    <message>
        <source>Remove {file} from chatapp's list? The file itself stays in {folder}.</source>
        <translation>هل تزيل {file} من قائمة chatapp؟ يبقى الملف نفسه في {folder}.</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>حذف النموذج</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>حُذف.</translation>
    </message>
    <message>
        <source>Removed from the list.</source>
        <translation>أُزيل من القائمة.</translation>
    </message>
    <message>
        <source>Saved your chat template for {file}.</source>
        <translation>حُفظ قالب المحادثة الخاص بك للنموذج {file}.</translation>
    </message>
    <message>
        <source>{file} uses its own chat template again.</source>
        <translation>عاد {file} إلى استخدام قالب محادثته الخاص.</translation>
    </message>
    <message>
        <source>Import a GGUF model file</source>
        <translation>استيراد ملف نموذج GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>نماذج GGUF (*.gguf);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Copying {file}…</source>
        <translation>جارٍ نسخ {file}…</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>جارٍ فحص {file}…</translation>
    </message>
    <message>
        <source>Imported {file}.</source>
        <translation>استُورد {file}.</translation>
    </message>
</context>
<context>
    <name>Keyring</name>
    <message>
        <source>the API key of {host}</source>
        <translation>مفتاح API الخاص بـ {host}</translation>
    </message>
    <message>
        <source>Servers that need no API key work without one.</source>
        <translation>تعمل الخوادم التي لا تحتاج إلى مفتاح API من دونه.</translation>
    </message>
    <message>
        <source>the API server's key</source>
        <translation>مفتاح خادم API</translation>
    </message>
    <message>
        <source>The API server can still run without a key, for programs on this computer only.</source>
        <translation>يمكن لخادم API أن يعمل دون مفتاح، لكن للبرامج على هذا الحاسوب فقط.</translation>
    </message>
    <message>
        <source>An API key must be {least} to {most} letters, digits and signs, with no spaces.</source>
        <translation>يجب أن يتكون مفتاح API من {least} إلى {most} حرفًا ورقمًا ورمزًا، بلا مسافات.</translation>
    </message>
    <message>
        <source>The app works without a token; only gated models need one.</source>
        <translation>يعمل التطبيق دون رمز؛ لا تحتاج إليه إلا النماذج المقيّدة الوصول.</translation>
    </message>
    <message>
        <source>the Hugging Face token</source>
        <translation>رمز Hugging Face</translation>
    </message>
    <message>
        <source>That is not a Hugging Face access token: a token starts with "hf_" followed by letters and digits, with no spaces. Copy it again from huggingface.co, Settings, Access Tokens.</source>
        <translation>هذا ليس رمز وصول Hugging Face: يبدأ الرمز بـ "hf_" تليها حروف وأرقام بلا مسافات. انسخه مجددًا من huggingface.co، ثم Settings، ثم Access Tokens.</translation>
    </message>
    <message>
        <source>The keyring did not answer within {seconds} seconds. It may be waiting for an unlock prompt that cannot be shown. Unlock your keyring (for example in "Passwords and Keys"), or log out and in again, then try again.</source>
        <translation>لم تستجب حلقة المفاتيح خلال {seconds} ثانية. ربما تنتظر طلب فتح قفل لا يمكن عرضه. افتح قفل حلقة مفاتيحك (مثلًا في "كلمات السر والمفاتيح")، أو سجّل الخروج ثم الدخول مجددًا، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The keyring chatapp is set to use ({keyring}) would {reason}, so {what} is not stored there. Remove the PYTHON_KEYRING_BACKEND setting or keyringrc.cfg file that selects it, and use GNOME Keyring, KWallet, the macOS Keychain or Windows Credential Manager.</source>
        <translation>حلقة المفاتيح المضبوط chatapp على استخدامها ({keyring}) قد {reason}، لذلك لا يُحفظ {what} فيها. أزل الإعداد PYTHON_KEYRING_BACKEND أو الملف keyringrc.cfg الذي يختارها، واستخدم GNOME Keyring أو KWallet أو سلسلة مفاتيح macOS أو مدير بيانات الاعتماد في Windows.</translation>
    </message>
    <message>
        <source>silently store nothing</source>
        <translation>لا تحفظ شيئًا دون أن تُعلِم بذلك</translation>
    </message>
    <message>
        <source>store nothing</source>
        <translation>لا تحفظ شيئًا</translation>
    </message>
    <message>
        <source>keep it in a file or registry entry without proper protection</source>
        <translation>تحفظه في ملف أو مُدخل سجل دون حماية كافية</translation>
    </message>
    <message>
        <source>the Secret Service (GNOME Keyring or KWallet)</source>
        <translation>خدمة Secret Service (GNOME Keyring أو KWallet)</translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation>سلسلة مفاتيح macOS</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>مدير بيانات الاعتماد في Windows</translation>
    </message>
    <message>
        <source>Your keyring is locked, so chatapp cannot use {what}. Unlock it (for example: open "Passwords and Keys" and unlock the Login keyring, or log out and in again), then try again.</source>
        <translation>حلقة مفاتيحك مقفلة، لذلك لا يستطيع chatapp استخدام {what}. افتح قفلها (مثلًا: افتح "كلمات السر والمفاتيح" وافتح قفل حلقة مفاتيح تسجيل الدخول، أو سجّل الخروج ثم الدخول مجددًا)، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The keyring could not read {what}.</source>
        <translation>تعذّر على حلقة المفاتيح قراءة {what}.</translation>
    </message>
    <message>
        <source>The keyring could not store {what}.</source>
        <translation>تعذّر على حلقة المفاتيح حفظ {what}.</translation>
    </message>
    <message>
        <source>The keyring could not delete {what}.</source>
        <translation>تعذّر على حلقة المفاتيح حذف {what}.</translation>
    </message>
    <message>
        <source>The keyring could not reach {what}.</source>
        <translation>تعذّر على حلقة المفاتيح الوصول إلى {what}.</translation>
    </message>
    <message>
        <source>Check that your keyring (GNOME Keyring, KWallet, the macOS Keychain or Windows Credential Manager) is running and unlocked, then try again.</source>
        <translation>تحقّق من أن حلقة مفاتيحك (GNOME Keyring أو KWallet أو سلسلة مفاتيح macOS أو مدير بيانات الاعتماد في Windows) تعمل وغير مقفلة، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The macOS Keychain cannot be used, so chatapp cannot store {what}. Make sure you are logged in to a normal desktop session, then restart chatapp.</source>
        <translation>لا يمكن استخدام سلسلة مفاتيح macOS، لذلك لا يستطيع chatapp حفظ {what}. تأكد من أنك مسجّل الدخول في جلسة سطح مكتب عادية، ثم أعد تشغيل chatapp.</translation>
    </message>
    <message>
        <source>Windows Credential Manager cannot be used, so chatapp cannot store {what}. Make sure you are logged in to a normal desktop session, then restart chatapp.</source>
        <translation>لا يمكن استخدام مدير بيانات الاعتماد في Windows، لذلك لا يستطيع chatapp حفظ {what}. تأكد من أنك مسجّل الدخول في جلسة سطح مكتب عادية، ثم أعد تشغيل chatapp.</translation>
    </message>
    <message>
        <source>The keyring service started after chatapp, or chatapp is set to use no keyring. Restart chatapp; if this message stays, remove any PYTHON_KEYRING_BACKEND setting.</source>
        <translation>بدأت خدمة حلقة المفاتيح بعد chatapp، أو أن chatapp مضبوط على عدم استخدام أي حلقة مفاتيح. أعد تشغيل chatapp؛ وإن بقيت هذه الرسالة، فأزل أي إعداد PYTHON_KEYRING_BACKEND.</translation>
    </message>
    <message>
        <source>No keyring service is running, so chatapp cannot store {what} safely. Install and unlock GNOME Keyring or KWallet (on Debian or Ubuntu: sudo apt install gnome-keyring), then restart chatapp.</source>
        <translation>لا تعمل أي خدمة لحلقة المفاتيح، لذلك لا يستطيع chatapp حفظ {what} بأمان. ثبّت GNOME Keyring أو KWallet وافتح قفله (على Debian أو Ubuntu: sudo apt install gnome-keyring)، ثم أعد تشغيل chatapp.</translation>
    </message>
    <message>
        <source>The desktop's message bus (D-Bus) is not running for chatapp, so no keyring can be reached to store {what}. Start chatapp from your desktop session (or under dbus-run-session) with GNOME Keyring or KWallet running and unlocked.</source>
        <translation>ناقل الرسائل لسطح المكتب (D-Bus) لا يعمل لـ chatapp، لذلك لا يمكن الوصول إلى أي حلقة مفاتيح لحفظ {what}. شغّل chatapp من جلسة سطح المكتب (أو ضمن dbus-run-session) مع تشغيل GNOME Keyring أو KWallet وفتح قفله.</translation>
    </message>
</context>
<context>
    <name>LocalDocumentsPane</name>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>المجلدات</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Local documents</source>
        <translation>المستندات المحلية</translation>
    </message>
    <message>
        <source>Folders of your own files that chats can search. Choose which collections a chat uses in its Chat settings. The index stays on this computer.</source>
        <translation>مجلدات من ملفاتك الخاصة يمكن للمحادثات البحث فيها. اختر المجموعات التي تستخدمها كل محادثة من إعدادات المحادثة. يبقى الفهرس على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Search by meaning with</source>
        <translation>البحث بالمعنى باستخدام</translation>
    </message>
    <message>
        <source>Embedding model</source>
        <translation>نموذج التضمين</translation>
    </message>
    <message>
        <source>The model that finds passages by their meaning, or words only</source>
        <translation>النموذج الذي يجد المقاطع بمعناها، أو الكلمات وحدها</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>النماذج…</translation>
    </message>
    <message>
        <source>Find and download an embedding model</source>
        <translation>ابحث عن نموذج تضمين ونزّله</translation>
    </message>
    <message>
        <source>About the embedding model</source>
        <translation>عن نموذج التضمين</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>مشكلة</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>المجموعات</translation>
    </message>
    <message>
        <source>Each collection with its folders, files, passages and state; the chosen one's files are listed below</source>
        <translation>كل مجموعة بمجلداتها وملفاتها ومقاطعها وحالتها؛ وملفات المجموعة المختارة مدرجة أدناه</translation>
    </message>
    <message>
        <source>Add collection…</source>
        <translation>إضافة مجموعة…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <source>Adds a folder to the chosen collection</source>
        <translation>يضيف مجلدًا إلى المجموعة المختارة</translation>
    </message>
    <message>
        <source>Remove folder…</source>
        <translation>إزالة مجلد…</translation>
    </message>
    <message>
        <source>Leaves a folder out of the chosen collection; its files are not touched</source>
        <translation>يُخرج مجلدًا من المجموعة المختارة؛ ولا تُمسّ ملفاته</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>إعادة تسمية…</translation>
    </message>
    <message>
        <source>Renames the chosen collection</source>
        <translation>يعيد تسمية المجموعة المختارة</translation>
    </message>
    <message>
        <source>Index again</source>
        <translation>فهرسة من جديد</translation>
    </message>
    <message>
        <source>Look for new, changed and deleted files now</source>
        <translation>البحث الآن عن الملفات الجديدة والمعدّلة والمحذوفة</translation>
    </message>
    <message>
        <source>Remove collection…</source>
        <translation>إزالة المجموعة…</translation>
    </message>
    <message>
        <source>Removes the chosen collection and its index, after asking; your files are not touched</source>
        <translation>يزيل المجموعة المختارة وفهرسها بعد السؤال؛ ولا تُمسّ ملفاتك</translation>
    </message>
    <message>
        <source>Indexing</source>
        <translation>الفهرسة</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>تقدّم الفهرسة</translation>
    </message>
    <message>
        <source>Files of the chosen collection</source>
        <translation>ملفات المجموعة المختارة</translation>
    </message>
    <message>
        <source>Each file's status and passages; a file that could not be read says why</source>
        <translation>حالة كل ملف ومقاطعه؛ والملف الذي تعذّرت قراءته يذكر السبب</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>رسالة</translation>
    </message>
    <message>
        <source>Words only (no embedding model)</source>
        <translation>الكلمات فقط (بلا نموذج تضمين)</translation>
    </message>
    <message>
        <source>(no folder)</source>
        <translation>(لا مجلد)</translation>
    </message>
    <message>
        <source>Reading the list of files…</source>
        <translation>جارٍ قراءة قائمة الملفات…</translation>
    </message>
    <message>
        <source>Add a folder to the collection</source>
        <translation>إضافة مجلد إلى المجموعة</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>إزالة المجلد</translation>
    </message>
    <message>
        <source>Stop indexing {folder}? Its files leave the collection's index; the files themselves are not touched.</source>
        <translation>هل تريد إيقاف فهرسة {folder}؟ ستخرج ملفاته من فهرس المجموعة، ولن تُمسّ الملفات نفسها.</translation>
    </message>
    <message>
        <source>Folder to leave out of the collection:</source>
        <translation>المجلد المراد إخراجه من المجموعة:</translation>
    </message>
    <message>
        <source>Rename collection</source>
        <translation>إعادة تسمية المجموعة</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>الاسم الجديد:</translation>
    </message>
    <message>
        <source>Remove collection</source>
        <translation>إزالة المجموعة</translation>
    </message>
    <message>
        <source>Remove the collection “{name}” and its index ({files}, {passages})? Your files are not touched; chats stop using it.</source>
        <translation>هل تريد إزالة المجموعة «{name}» وفهرسها ({files}، {passages})؟ لن تُمسّ ملفاتك، وستتوقف المحادثات عن استخدامها.</translation>
    </message>
    <message numerus="yes">
        <source>{files}, %n could not be read (listed first, with why)</source>
        <translation>
            <numerusform>{files}</numerusform>
            <numerusform>{files}، واحد تعذّرت قراءته (مدرج أولًا مع السبب)</numerusform>
            <numerusform>{files}، اثنان تعذّرت قراءتهما (مدرجان أولًا مع السبب)</numerusform>
            <numerusform>{files}، %Ln تعذّرت قراءتها (مدرجة أولًا مع السبب)</numerusform>
            <numerusform>{files}، %Ln تعذّرت قراءتها (مدرجة أولًا مع السبب)</numerusform>
            <numerusform>{files}، %Ln تعذّرت قراءتها (مدرجة أولًا مع السبب)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{summary}; the first %n are shown</source>
        <translation>
            <numerusform>{summary}</numerusform>
            <numerusform>{summary}؛ يُعرض الأول فقط</numerusform>
            <numerusform>{summary}؛ يُعرض أول اثنين</numerusform>
            <numerusform>{summary}؛ تُعرض أول %Ln</numerusform>
            <numerusform>{summary}؛ يُعرض أول %Ln</numerusform>
            <numerusform>{summary}؛ يُعرض أول %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>the collection</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>Indexing is paused.</source>
        <translation>الفهرسة متوقفة مؤقتًا.</translation>
    </message>
    <message>
        <source>Nothing to index right now.</source>
        <translation>لا شيء للفهرسة الآن.</translation>
    </message>
    <message>
        <source>{name}: stopped</source>
        <translation>{name}: توقفت</translation>
    </message>
    <message>
        <source>{name}: up to date</source>
        <translation>{name}: محدَّثة</translation>
    </message>
    <message>
        <source>1 file read</source>
        <translation>قُرئ ملف واحد</translation>
    </message>
    <message numerus="yes">
        <source>%n files read</source>
        <translation>
            <numerusform>لم يُقرأ أي ملف</numerusform>
            <numerusform>قُرئ ملف واحد</numerusform>
            <numerusform>قُرئ ملفان</numerusform>
            <numerusform>قُرئت %Ln ملفات</numerusform>
            <numerusform>قُرئ %Ln ملفًا</numerusform>
            <numerusform>قُرئ %Ln ملف</numerusform>
        </translation>
    </message>
    <message>
        <source>no file changed</source>
        <translation>لم يتغير أي ملف</translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>لا شيء تعذّرت قراءته</numerusform>
            <numerusform>واحد تعذّرت قراءته</numerusform>
            <numerusform>اثنان تعذّرت قراءتهما</numerusform>
            <numerusform>%Ln تعذّرت قراءتها</numerusform>
            <numerusform>%Ln تعذّرت قراءتها</numerusform>
            <numerusform>%Ln تعذّرت قراءتها</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gone</source>
        <translation>
            <numerusform>لم يختفِ شيء</numerusform>
            <numerusform>واحد اختفى</numerusform>
            <numerusform>اثنان اختفيا</numerusform>
            <numerusform>%Ln اختفت</numerusform>
            <numerusform>%Ln اختفت</numerusform>
            <numerusform>%Ln اختفت</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed while read (read again later)</source>
        <translation>
            <numerusform>لم يتغير شيء أثناء القراءة</numerusform>
            <numerusform>واحد تغيّر أثناء القراءة (يُقرأ لاحقًا من جديد)</numerusform>
            <numerusform>اثنان تغيّرا أثناء القراءة (يُقرآن لاحقًا من جديد)</numerusform>
            <numerusform>%Ln تغيّرت أثناء القراءة (تُقرأ لاحقًا من جديد)</numerusform>
            <numerusform>%Ln تغيّرت أثناء القراءة (تُقرأ لاحقًا من جديد)</numerusform>
            <numerusform>%Ln تغيّرت أثناء القراءة (تُقرأ لاحقًا من جديد)</numerusform>
        </translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}: {reason}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
    <message>
        <source>Goes on indexing</source>
        <translation>يواصل الفهرسة</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
    <message>
        <source>Pauses indexing; chats still search what is indexed</source>
        <translation>يوقف الفهرسة مؤقتًا؛ وتظل المحادثات تبحث فيما فُهرس</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation>ماركداون (*.md)</translation>
    </message>
    <message>
        <source>Web page, one file (*.html)</source>
        <translation>صفحة ويب، ملف واحد (*.html)</translation>
    </message>
    <message>
        <source>chatapp archive, every branch (*.json)</source>
        <translation>أرشيف chatapp، كل الفروع (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <source>Reply finished</source>
        <translation>اكتمل الرد</translation>
    </message>
    <message>
        <source>Reply finished: {start}</source>
        <translation>اكتمل الرد: {start}</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>النماذج…</translation>
    </message>
    <message>
        <source>Find, download and manage models</source>
        <translation>البحث عن النماذج وتنزيلها وإدارتها</translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation>البحث في المحادثات</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Mo&amp;del</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>بدء محادثة جديدة</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>البحث في كل المحادثات</translation>
    </message>
    <message>
        <source>Text size {percent} %</source>
        <translation>حجم النص {percent} %</translation>
    </message>
    <message>
        <source>Context: on the server</source>
        <translation>السياق: على الخادم</translation>
    </message>
    <message>
        <source>This chat's replies come from {host}, which keeps its own context; chatapp does not measure it.</source>
        <translation>تأتي ردود هذه المحادثة من {host}، الذي يحتفظ بسياقه الخاص؛ لا يقيسه chatapp.</translation>
    </message>
    <message>
        <source>a remote server</source>
        <translation>خادم بعيد</translation>
    </message>
    <message>
        <source>A message can be asked again once the reply being written is done (or stopped).</source>
        <translation>يمكن طرح الرسالة من جديد بعد اكتمال الرد الجاري (أو إيقافه).</translation>
    </message>
    <message numerus="yes">
        <source>Delete this message and the %n after it? Other versions stay.</source>
        <translation>
            <numerusform>هل تريد حذف هذه الرسالة؟ تبقى النسخ الأخرى.</numerusform>
            <numerusform>هل تريد حذف هذه الرسالة والرسالة التي تليها؟ تبقى النسخ الأخرى.</numerusform>
            <numerusform>هل تريد حذف هذه الرسالة والرسالتين اللتين تليانها؟ تبقى النسخ الأخرى.</numerusform>
            <numerusform>هل تريد حذف هذه الرسالة و%Ln رسائل تليها؟ تبقى النسخ الأخرى.</numerusform>
            <numerusform>هل تريد حذف هذه الرسالة و%Ln رسالة تليها؟ تبقى النسخ الأخرى.</numerusform>
            <numerusform>هل تريد حذف هذه الرسالة و%Ln رسالة تليها؟ تبقى النسخ الأخرى.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete this message and the one after it? Other versions stay.</source>
        <translation>هل تريد حذف هذه الرسالة والرسالة التي تليها؟ تبقى النسخ الأخرى.</translation>
    </message>
    <message>
        <source>Delete this message? Other versions stay.</source>
        <translation>هل تريد حذف هذه الرسالة؟ تبقى النسخ الأخرى.</translation>
    </message>
    <message>
        <source>Delete messages</source>
        <translation>حذف الرسائل</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>The chat history is damaged</source>
        <translation>سجل المحادثات تالف</translation>
    </message>
    <message>
        <source>Move it aside and start a new, empty history? The damaged file is kept next to it, not deleted.</source>
        <translation>هل تريد نقله جانبًا وبدء سجل جديد فارغ؟ يُحتفظ بالملف التالف بجانبه ولا يُحذف.</translation>
    </message>
    <message>
        <source>Start a new history</source>
        <translation>بدء سجل جديد</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>ليس الآن</translation>
    </message>
    <message>
        <source>a removed server</source>
        <translation>خادم محذوف</translation>
    </message>
    <message>
        <source>Open a GGUF model file</source>
        <translation>فتح ملف نموذج GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>نماذج GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>A batch job is running: chat replies wait until it ends.</source>
        <translation>تعمل مهمة دفعية: تنتظر ردود المحادثة حتى تنتهي.</translation>
    </message>
    <message>
        <source>About chatapp</source>
        <translation>حول chatapp</translation>
    </message>
    <message>
        <source>Chat with language models that run offline on your own computer. No telemetry; no network unless you start a download.</source>
        <translation>تحدّث مع نماذج لغوية تعمل دون اتصال على حاسوبك. بلا قياس عن بُعد؛ ولا اتصال بالشبكة إلا إذا بدأت تنزيلًا.</translation>
    </message>
    <message>
        <source>Data: {folder}</source>
        <translation>البيانات: {folder}</translation>
    </message>
    <message>
        <source>Models: {folder}</source>
        <translation>النماذج: {folder}</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>تصدير المحادثة</translation>
    </message>
    <message>
        <source>Export all chats</source>
        <translation>تصدير كل المحادثات</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>جارٍ التصدير إلى {file}…</translation>
    </message>
    <message>
        <source>Exported 1 chat to {file}.</source>
        <translation>صُدِّرت محادثة واحدة إلى {file}.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n chats to {file}.</source>
        <translation>
            <numerusform>لم تُصدَّر أي محادثة إلى {file}.</numerusform>
            <numerusform>صُدِّرت محادثة واحدة إلى {file}.</numerusform>
            <numerusform>صُدِّرت محادثتان إلى {file}.</numerusform>
            <numerusform>صُدِّرت %Ln محادثات إلى {file}.</numerusform>
            <numerusform>صُدِّرت %Ln محادثة إلى {file}.</numerusform>
            <numerusform>صُدِّرت %Ln محادثة إلى {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import chats</source>
        <translation>استيراد المحادثات</translation>
    </message>
    <message>
        <source>Chat exports (*.json *.jsonl *.zip)</source>
        <translation>صادرات المحادثات (*.json *.jsonl *.zip)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>جارٍ قراءة {file}…</translation>
    </message>
    <message>
        <source>Importing 1 chat…</source>
        <translation>جارٍ استيراد محادثة واحدة…</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n chats…</source>
        <translation>
            <numerusform>لا محادثات للاستيراد…</numerusform>
            <numerusform>جارٍ استيراد محادثة واحدة…</numerusform>
            <numerusform>جارٍ استيراد محادثتين…</numerusform>
            <numerusform>جارٍ استيراد %Ln محادثات…</numerusform>
            <numerusform>جارٍ استيراد %Ln محادثة…</numerusform>
            <numerusform>جارٍ استيراد %Ln محادثة…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;New chat</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>&amp;Export chat…</source>
        <translation>تصدير المحادثة…</translation>
    </message>
    <message>
        <source>Export &amp;all chats…</source>
        <translation>تصدير كل المحادثات…</translation>
    </message>
    <message>
        <source>&amp;Import chats…</source>
        <translation>استيراد المحادثات…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>النماذج…</translation>
    </message>
    <message>
        <source>&amp;Open model file…</source>
        <translation>فتح ملف نموذج…</translation>
    </message>
    <message>
        <source>&amp;Remote servers…</source>
        <translation>الخوادم البعيدة…</translation>
    </message>
    <message>
        <source>Install the starter model ({name})</source>
        <translation>تثبيت النموذج المبدئي ({name})</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <source>&amp;About chatapp</source>
        <translation>حول chatapp</translation>
    </message>
    <message>
        <source>&amp;Search chats…</source>
        <translation>البحث في المحادثات…</translation>
    </message>
    <message>
        <source>&amp;Find in chat…</source>
        <translation>البحث في المحادثة…</translation>
    </message>
    <message>
        <source>&amp;Presets…</source>
        <translation>الإعدادات المسبقة…</translation>
    </message>
    <message>
        <source>&amp;Local documents…</source>
        <translation>المستندات المحلية…</translation>
    </message>
    <message>
        <source>&amp;Batch…</source>
        <translation>الدفعات…</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>نص أكبر</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>نص أصغر</translation>
    </message>
    <message>
        <source>&amp;Default text size</source>
        <translation>حجم النص الافتراضي</translation>
    </message>
    <message>
        <source>Go to the &amp;message box</source>
        <translation>الانتقال إلى مربع الرسالة</translation>
    </message>
    <message>
        <source>Go to the &amp;chat list</source>
        <translation>الانتقال إلى قائمة المحادثات</translation>
    </message>
    <message>
        <source>Ne&amp;xt chat</source>
        <translation>المحادثة التالية</translation>
    </message>
    <message>
        <source>Pre&amp;vious chat</source>
        <translation>المحادثة السابقة</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>S&amp;top the reply</source>
        <translation>إيقاف الرد</translation>
    </message>
    <message>
        <source>New chat from &amp;preset</source>
        <translation>محادثة جديدة من إعداد مسبق</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مساعدة</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>Copied</source>
        <translation>نُسخ</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>إجراءات أخرى</translation>
    </message>
    <message>
        <source>Edit or delete this message</source>
        <translation>تعديل هذه الرسالة أو حذفها</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <source>Delete from here…</source>
        <translation>حذف من هنا…</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>المساعد</translation>
    </message>
    <message>
        <source>System</source>
        <translation>النظام</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>أُوقف</translation>
    </message>
    <message>
        <source>Interrupted (the app was closed while writing)</source>
        <translation>مُقاطَع (أُغلق التطبيق أثناء الكتابة)</translation>
    </message>
    <message>
        <source>Reached the reply length limit</source>
        <translation>بلغ الرد حد الطول</translation>
    </message>
    <message>
        <source>The context is full</source>
        <translation>السياق ممتلئ</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>رمز واحد</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>لا رموز</numerusform>
            <numerusform>رمز واحد</numerusform>
            <numerusform>رمزان</numerusform>
            <numerusform>%Ln رموز</numerusform>
            <numerusform>%Ln رمزًا</numerusform>
            <numerusform>%Ln رمز</numerusform>
        </translation>
    </message>
    <message>
        <source>{speed} tokens/s</source>
        <translation>{speed} رمز/ث</translation>
    </message>
    <message>
        <source>first token {seconds} s</source>
        <translation>أول رمز {seconds} ث</translation>
    </message>
    <message>
        <source>first answer token {seconds} s</source>
        <translation>أول رمز في الإجابة {seconds} ث</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>معدَّل</translation>
    </message>
    <message>
        <source>Save and ask</source>
        <translation>حفظ وسؤال</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <source>How the reply was made</source>
        <translation>كيف أُنشئ الرد</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>نسخ الرسالة</translation>
    </message>
    <message>
        <source>Copy the whole message</source>
        <translation>نسخ الرسالة كاملة</translation>
    </message>
    <message>
        <source>Copy the answer (without the thought)</source>
        <translation>نسخ الإجابة (دون التفكير)</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>إعادة التوليد</translation>
    </message>
    <message>
        <source>Write this reply again</source>
        <translation>كتابة هذا الرد من جديد</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>متابعة</translation>
    </message>
    <message>
        <source>Write on: the reply stopped at the length limit</source>
        <translation>متابعة الكتابة: توقف الرد عند حد الطول</translation>
    </message>
    <message>
        <source>writing…</source>
        <translation>يكتب…</translation>
    </message>
    <message>
        <source>{role}: {text}</source>
        <translation>{role}: {text}</translation>
    </message>
    <message>
        <source>Your message</source>
        <translation>رسالتك</translation>
    </message>
    <message>
        <source>The model's reply: {details}</source>
        <translation>رد النموذج: {details}</translation>
    </message>
    <message>
        <source>The model's reply</source>
        <translation>رد النموذج</translation>
    </message>
    <message>
        <source>This message no longer fits the model's context and is not sent to the model.</source>
        <translation>لم تعد هذه الرسالة تتسع في سياق النموذج ولن تُرسل إليه.</translation>
    </message>
</context>
<context>
    <name>ModelFit</name>
    <message>
        <source>Fits</source>
        <translation>يناسب</translation>
    </message>
    <message>
        <source>Tight</source>
        <translation>ضيّق</translation>
    </message>
    <message>
        <source>Too large</source>
        <translation>كبير جدًا</translation>
    </message>
    <message>
        <source>{weights} weights + {context_memory} context memory for {tokens} tokens ({per_token} per token with {kv_cache_type}) + {working} working memory</source>
        <translation>{weights} للأوزان + {context_memory} لذاكرة السياق لـ {tokens} رمز ({per_token} لكل رمز بنوع {kv_cache_type}) + {working} لذاكرة العمل</translation>
    </message>
    <message>
        <source>{weights} weights + {context_memory} context memory for {tokens} tokens + {working} working memory</source>
        <translation>{weights} للأوزان + {context_memory} لذاكرة السياق لـ {tokens} رمز + {working} لذاكرة العمل</translation>
    </message>
    <message>
        <source>Estimated from the file size: needs about {needed} ({breakdown}); this computer has {total}, {free} free now.</source>
        <translation>تقدير من حجم الملف: يحتاج إلى نحو {needed} ({breakdown})؛ في هذا الحاسوب {total}، منها {free} حرة الآن.</translation>
    </message>
    <message>
        <source>Needs about {needed} ({breakdown}); this computer has {total}, {free} free now.</source>
        <translation>يحتاج إلى نحو {needed} ({breakdown})؛ في هذا الحاسوب {total}، منها {free} حرة الآن.</translation>
    </message>
    <message>
        <source>It would leave little memory for other programs.</source>
        <translation>سيترك ذاكرة قليلة للبرامج الأخرى.</translation>
    </message>
    <message>
        <source>Close other programs first: it needs more than is free now.</source>
        <translation>أغلق البرامج الأخرى أولًا: فهو يحتاج إلى أكثر مما هو متاح الآن.</translation>
    </message>
    <message>
        <source>That is more than this computer can spare even with other programs closed; choose a smaller model or a smaller quantization.</source>
        <translation>هذا أكثر مما يستطيع هذا الحاسوب توفيره حتى مع إغلاق البرامج الأخرى؛ اختر نموذجًا أصغر أو تكميمًا أصغر.</translation>
    </message>
</context>
<context>
    <name>ModelLibrary</name>
    <message>
        <source>The list of imported models ({path}) cannot be read: {reason}.</source>
        <translation>لا يمكن قراءة قائمة النماذج المستوردة ({path}): {reason}.</translation>
    </message>
    <message>
        <source>The list of models you imported from other folders was damaged, so chatapp kept it aside as {name} and starts a new list. Your model files are untouched: import them again (Models ▸ Installed ▸ Import).</source>
        <translation>كانت قائمة النماذج التي استوردتها من مجلدات أخرى تالفة، لذا احتفظ بها chatapp جانبًا باسم {name} وبدأ قائمة جديدة. ملفات نماذجك لم تُمسّ: استوردها مجددًا (النماذج ▸ المثبّتة ▸ استيراد).</translation>
    </message>
    <message>
        <source>The list of imported models could not be saved: {reason}.</source>
        <translation>تعذّر حفظ قائمة النماذج المستوردة: {reason}.</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}.</source>
        <translation>لا يمكن قراءة الملف: {reason}.</translation>
    </message>
    <message>
        <source>The models folder already has a file named {name}.</source>
        <translation>يحتوي مجلد النماذج بالفعل على ملف باسم {name}.</translation>
    </message>
    <message>
        <source>Copying {name} needs {needed}, but only {free} is free in {folder}. Import it in place instead, or free some space.</source>
        <translation>يحتاج نسخ {name} إلى {needed}، لكن المتاح في {folder} هو {free} فقط. استورده في مكانه بدلًا من ذلك، أو حرّر بعض المساحة.</translation>
    </message>
    <message>
        <source>{name} could not be copied: {reason}.</source>
        <translation>تعذّر نسخ {name}: {reason}.</translation>
    </message>
    <message>
        <source>{name} could not be deleted: {reason}.</source>
        <translation>تعذّر حذف {name}: {reason}.</translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation>‏{path} ليس ملفًا.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}.</source>
        <translation>لا يمكن قراءة {name}: {reason}.</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>{model} · remote · {host}</source>
        <translation>{model} · بعيد · {host}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>The model that answers: one on this computer or on a remote server; also opens a model file or the remote servers</source>
        <translation>النموذج الذي يجيب: على هذا الحاسوب أو على خادم بعيد؛ ويفتح أيضًا ملف نموذج أو الخوادم البعيدة</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>لم يُحمَّل أي نموذج</translation>
    </message>
    <message>
        <source>{server} · remote · {host}: {problem}</source>
        <translation>{server} · بعيد · {host}: {problem}</translation>
    </message>
    <message>
        <source>Replies come from {address}</source>
        <translation>تأتي الردود من {address}</translation>
    </message>
    <message>
        <source>a removed server</source>
        <translation>خادم محذوف</translation>
    </message>
    <message>
        <source>This chat's remote model</source>
        <translation>النموذج البعيد لهذه المحادثة</translation>
    </message>
    <message>
        <source>Listing the remote servers' models…</source>
        <translation>جارٍ سرد نماذج الخوادم البعيدة…</translation>
    </message>
    <message>
        <source>Open a model file…</source>
        <translation>فتح ملف نموذج…</translation>
    </message>
    <message>
        <source>Remote servers…</source>
        <translation>الخوادم البعيدة…</translation>
    </message>
</context>
<context>
    <name>ModelTables</name>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>البنية</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>التكميم</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>السياق</translation>
    </message>
    <message>
        <source>Fits?</source>
        <translation>يناسب؟</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>المعاملات</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>حجم التنزيل</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>الذاكرة</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>طريقة الإجابة</translation>
    </message>
    <message>
        <source>License</source>
        <translation>الترخيص</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>المستودع</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>التنزيلات</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>الإعجابات</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>آخر تحديث</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Speed here</source>
        <translation>السرعة هنا</translation>
    </message>
</context>
<context>
    <name>ModelsPane</name>
    <message>
        <source>Models</source>
        <translation>النماذج</translation>
    </message>
    <message numerus="yes">
        <source>This computer: {memory} memory ({free} free), %n CPU cores. Models run on the CPU; their files stay in {folder}.</source>
        <translation>
            <numerusform>هذا الحاسوب: ذاكرة {memory} ({free} متاحة)، بلا أنوية معالج. تعمل النماذج على المعالج، وتبقى ملفاتها في {folder}.</numerusform>
            <numerusform>هذا الحاسوب: ذاكرة {memory} ({free} متاحة)، نواة معالج واحدة. تعمل النماذج على المعالج، وتبقى ملفاتها في {folder}.</numerusform>
            <numerusform>هذا الحاسوب: ذاكرة {memory} ({free} متاحة)، نواتا معالج. تعمل النماذج على المعالج، وتبقى ملفاتها في {folder}.</numerusform>
            <numerusform>هذا الحاسوب: ذاكرة {memory} ({free} متاحة)، %Ln أنوية معالج. تعمل النماذج على المعالج، وتبقى ملفاتها في {folder}.</numerusform>
            <numerusform>هذا الحاسوب: ذاكرة {memory} ({free} متاحة)، %Ln نواةً للمعالج. تعمل النماذج على المعالج، وتبقى ملفاتها في {folder}.</numerusform>
            <numerusform>هذا الحاسوب: ذاكرة {memory} ({free} متاحة)، %Ln نواة معالج. تعمل النماذج على المعالج، وتبقى ملفاتها في {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>هذا الحاسوب</translation>
    </message>
    <message>
        <source>Remote servers…</source>
        <translation>الخوادم البعيدة…</translation>
    </message>
    <message>
        <source>Use the models of an OpenAI-compatible server (llama-server, vLLM, Ollama …) in a chat</source>
        <translation>استخدام نماذج خادم متوافق مع OpenAI (مثل llama-server وvLLM وOllama …) في محادثة</translation>
    </message>
    <message>
        <source>Model lists</source>
        <translation>قوائم النماذج</translation>
    </message>
    <message>
        <source>Recommended models, a search of the Hugging Face hub, and the models installed on this computer</source>
        <translation>النماذج الموصى بها، والبحث في مستودع نماذج Hugging Face، والنماذج المثبّتة على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>الموصى بها</translation>
    </message>
    <message>
        <source>Search the hub</source>
        <translation>البحث في مستودع النماذج</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>المثبّتة</translation>
    </message>
    <message>
        <source>Recommended models</source>
        <translation>النماذج الموصى بها</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>النماذج المثبّتة</translation>
    </message>
    <message>
        <source>Download status</source>
        <translation>حالة التنزيل</translation>
    </message>
    <message>
        <source>Checking {name} on the hub before downloading…</source>
        <translation>جارٍ فحص {name} على مستودع النماذج قبل التنزيل…</translation>
    </message>
    <message>
        <source>{name} was not downloaded: {reason}</source>
        <translation>لم يُنزَّل {name}: {reason}</translation>
    </message>
    <message>
        <source>This model will not run</source>
        <translation>لن يعمل هذا النموذج</translation>
    </message>
    <message>
        <source>{reason}

Download it anyway?</source>
        <translation>{reason}

هل تريد تنزيله على أي حال؟</translation>
    </message>
    <message>
        <source>{name} was not downloaded.</source>
        <translation>لم يُنزَّل {name}.</translation>
    </message>
    <message>
        <source>unknown architecture</source>
        <translation>بنية غير معروفة</translation>
    </message>
    <message>
        <source>Downloading {name} ({architecture}, context up to {tokens} tokens).</source>
        <translation>جارٍ تنزيل {name} ({architecture}، سياق يصل إلى {tokens} من الرموز).</translation>
    </message>
    <message>
        <source>Downloading {name} ({architecture}).</source>
        <translation>جارٍ تنزيل {name} ({architecture}).</translation>
    </message>
</context>
<context>
    <name>OverridesForm</name>
    <message>
        <source>Temperature</source>
        <translation>درجة الحرارة</translation>
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
        <translation>عقوبة التكرار</translation>
    </message>
    <message>
        <source>Max reply tokens</source>
        <translation>أقصى عدد رموز للرد</translation>
    </message>
    <message>
        <source>Thinking budget (tokens)</source>
        <translation>ميزانية التفكير (رموز)</translation>
    </message>
    <message>
        <source>No system prompt</source>
        <translation>لا يوجد موجّه نظام</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>موجّه النظام</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>طول السياق</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>لا يوجد نموذج</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>افتراضي</translation>
    </message>
    <message>
        <source>Follow the default: {value}</source>
        <translation>اتباع القيمة الافتراضية: {value}</translation>
    </message>
    <message>
        <source>{field}: default</source>
        <translation>{field}: افتراضي</translation>
    </message>
    <message>
        <source>the model chosen above</source>
        <translation>النموذج المختار أعلاه</translation>
    </message>
    <message>
        <source>“{prompt}”</source>
        <translation>«{prompt}»</translation>
    </message>
    <message>
        <source>no system prompt</source>
        <translation>لا يوجد موجّه نظام</translation>
    </message>
    <message>
        <source>Choose the model, or leave it at Default.</source>
        <translation>اختر النموذج، أو اتركه على الافتراضي.</translation>
    </message>
</context>
<context>
    <name>PassageDialog</name>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>المقطع</translation>
    </message>
    <message>
        <source>The passage the model was given, as it was given</source>
        <translation>المقطع كما أُعطي للنموذج</translation>
    </message>
</context>
<context>
    <name>Placeholders</name>
    <message>
        <source>&lt;a href='install-starter'&gt;Install the starter model&lt;/a&gt;: {name}, {size}, included with chatapp, no download needed. It is small and quick rather than clever.</source>
        <translation>&lt;a href='install-starter'&gt;ثبّت النموذج المبدئي&lt;/a&gt;: {name}، {size}، مضمَّن مع chatapp ولا يحتاج إلى تنزيل. إنه صغير وسريع أكثر منه ذكيًا.</translation>
    </message>
    <message>
        <source>The starter model is not included in this installation: run &lt;code&gt;make run&lt;/code&gt; in chatapp's source folder, which installs it.</source>
        <translation>النموذج المبدئي غير مضمَّن في هذا التثبيت: شغّل &lt;code&gt;make run&lt;/code&gt; في مجلد مصدر chatapp، فهو يثبّته.</translation>
    </message>
    <message>
        <source>No model is loaded</source>
        <translation>لم يُحمَّل أي نموذج</translation>
    </message>
    <message>
        <source>chatapp runs language models on this computer: your chats never leave it.</source>
        <translation>يشغّل chatapp النماذج اللغوية على هذا الحاسوب: لا تغادره محادثاتك أبدًا.</translation>
    </message>
    <message>
        <source>Or &lt;a href='open-model'&gt;open a GGUF model file&lt;/a&gt; you already have.</source>
        <translation>أو &lt;a href='open-model'&gt;افتح ملف نموذج GGUF&lt;/a&gt; لديك بالفعل.</translation>
    </message>
    <message>
        <source>Ask anything</source>
        <translation>اسأل عن أي شيء</translation>
    </message>
    <message>
        <source>Replies are written on this computer by {model}; nothing leaves it.</source>
        <translation>يكتب {model} الردود على هذا الحاسوب؛ لا شيء يغادره.</translation>
    </message>
    <message>
        <source>Replies in this chat are written by {model} on &lt;b&gt;{host}&lt;/b&gt;: what you write here is sent there. Choose a local model above to keep a chat on this computer.</source>
        <translation>يكتب ردود هذه المحادثة {model} على &lt;b&gt;{host}&lt;/b&gt;: ما تكتبه هنا يُرسل إلى هناك. اختر نموذجًا محليًا في الأعلى لإبقاء المحادثة على هذا الحاسوب.</translation>
    </message>
</context>
<context>
    <name>PresetEditor</name>
    <message>
        <source>Edit preset</source>
        <translation>تعديل الإعداد المسبق</translation>
    </message>
    <message>
        <source>New preset</source>
        <translation>إعداد مسبق جديد</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Preset name</source>
        <translation>اسم الإعداد المسبق</translation>
    </message>
    <message>
        <source>e.g. Translator, Code reviewer</source>
        <translation>مثلًا: مترجم، مراجع شيفرة</translation>
    </message>
    <message>
        <source>A chat started from this preset sets the fields below; those left at Default follow the app's settings.</source>
        <translation>المحادثة التي تبدأ من هذا الإعداد المسبق تضبط الحقول أدناه؛ وما تُرك منها على الافتراضي يتبع إعدادات التطبيق.</translation>
    </message>
    <message>
        <source>There is already a preset named “{name}”.</source>
        <translation>يوجد بالفعل إعداد مسبق باسم «{name}».</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>The preset “{name}”: {problem}</source>
        <translation>الإعداد المسبق «{name}»: {problem}</translation>
    </message>
    <message>
        <source>There is already a preset named “{name}”.</source>
        <translation>يوجد بالفعل إعداد مسبق باسم «{name}».</translation>
    </message>
    <message>
        <source>There is no preset named “{name}” any more.</source>
        <translation>لم يعد هناك إعداد مسبق باسم «{name}».</translation>
    </message>
    <message>
        <source>A preset's name must be text.</source>
        <translation>يجب أن يكون اسم الإعداد المسبق نصًا.</translation>
    </message>
    <message>
        <source>A preset needs a name.</source>
        <translation>يحتاج الإعداد المسبق إلى اسم.</translation>
    </message>
    <message>
        <source>A preset's name can have at most {count} characters.</source>
        <translation>لا يمكن أن يتجاوز اسم الإعداد المسبق {count} حرفًا.</translation>
    </message>
    <message>
        <source>A preset's name cannot hold control or invisible characters.</source>
        <translation>لا يمكن أن يحتوي اسم الإعداد المسبق على محارف تحكم أو محارف غير مرئية.</translation>
    </message>
    <message>
        <source>Entry {number} is not a preset.</source>
        <translation>العنصر {number} ليس إعدادًا مسبقًا.</translation>
    </message>
    <message>
        <source>The preset “{name}” has no settings object.</source>
        <translation>لا يحتوي الإعداد المسبق «{name}» على كائن إعدادات.</translation>
    </message>
    <message>
        <source>The preset “{name}” has an unknown setting “{setting}”.</source>
        <translation>يحتوي الإعداد المسبق «{name}» على إعداد غير معروف «{setting}».</translation>
    </message>
    <message>
        <source>{source} cannot be read as presets: {reason}</source>
        <translation>لا يمكن قراءة {source} كإعدادات مسبقة: {reason}</translation>
    </message>
    <message>
        <source>it is larger than {size} MB.</source>
        <translation>حجمه أكبر من {size} ميغابايت.</translation>
    </message>
    <message>
        <source>it is not UTF-8 text.</source>
        <translation>ليس نصًا بترميز UTF-8.</translation>
    </message>
    <message>
        <source>it is nested too deeply.</source>
        <translation>متداخل بعمق مفرط.</translation>
    </message>
    <message>
        <source>it is not valid JSON ({error}).</source>
        <translation>ليس JSON صالحًا ({error}).</translation>
    </message>
    <message>
        <source>it is not a chatapp presets file.</source>
        <translation>ليس ملف إعدادات مسبقة لـ chatapp.</translation>
    </message>
    <message>
        <source>its version is missing.</source>
        <translation>إصداره مفقود.</translation>
    </message>
    <message>
        <source>it was written by a newer chatapp; update chatapp to read it.</source>
        <translation>كُتب بإصدار أحدث من chatapp؛ حدِّث chatapp لقراءته.</translation>
    </message>
    <message>
        <source>it holds no list of presets.</source>
        <translation>لا يحتوي على قائمة إعدادات مسبقة.</translation>
    </message>
    <message>
        <source>it holds more than {count} presets.</source>
        <translation>يحتوي على أكثر من {count} إعداد مسبق.</translation>
    </message>
    <message>
        <source>the name “{name}” is there twice.</source>
        <translation>الاسم «{name}» موجود مرتين.</translation>
    </message>
    <message>
        <source>{path} does not exist (any more).</source>
        <translation>{path} غير موجود (أو لم يعد موجودًا).</translation>
    </message>
    <message>
        <source>{path} could not be read ({error}).</source>
        <translation>تعذّرت قراءة {path} ({error}).</translation>
    </message>
    <message>
        <source>The presets could not be written to {path} ({error}).</source>
        <translation>تعذّرت كتابة الإعدادات المسبقة في {path} ({error}).</translation>
    </message>
    <message>
        <source>There can be at most {count} presets.</source>
        <translation>الحد الأقصى للإعدادات المسبقة هو {count}.</translation>
    </message>
    <message>
        <source>“{setting}” is not a setting a preset can have.</source>
        <translation>«{setting}» ليس إعدادًا يمكن أن يحمله إعداد مسبق.</translation>
    </message>
    <message>
        <source>{problem} It could not be moved aside either ({error}); presets cannot be saved until it is moved or deleted.</source>
        <translation>{problem} وتعذّر نقله جانبًا أيضًا ({error})؛ لا يمكن حفظ الإعدادات المسبقة حتى يُنقل أو يُحذف.</translation>
    </message>
    <message>
        <source>{problem} It was kept as {name}; your presets start empty.</source>
        <translation>{problem} احتُفظ به باسم {name}؛ تبدأ إعداداتك المسبقة فارغة.</translation>
    </message>
    <message>
        <source>The presets could not be saved to {path} ({error}).</source>
        <translation>تعذّر حفظ الإعدادات المسبقة في {path} ({error}).</translation>
    </message>
    <message>
        <source>The preset to export is no longer there.</source>
        <translation>لم يعد الإعداد المسبق المراد تصديره موجودًا.</translation>
    </message>
    <message>
        <source>Export to another file: this one holds your presets.</source>
        <translation>صدِّر إلى ملف آخر: هذا الملف يحتوي على إعداداتك المسبقة.</translation>
    </message>
    <message>
        <source>{source} holds no presets.</source>
        <translation>لا يحتوي {source} على إعدادات مسبقة.</translation>
    </message>
    <message>
        <source>There can be at most {count} presets; delete some before importing these.</source>
        <translation>الحد الأقصى للإعدادات المسبقة هو {count}؛ احذف بعضها قبل استيراد هذه.</translation>
    </message>
</context>
<context>
    <name>PresetsDialog</name>
    <message>
        <source>Presets (*.json);;All files (*)</source>
        <translation>الإعدادات المسبقة (*.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>الإعدادات المسبقة</translation>
    </message>
    <message>
        <source>Named assistants to start a chat from: a system prompt, sampling, and perhaps a model of their own.</source>
        <translation>مساعدون بأسماء تبدأ منهم المحادثة: موجّه نظام وإعدادات أخذ العينات وربما نموذج خاص بهم.</translation>
    </message>
    <message>
        <source>Double-click or Edit… changes the chosen preset</source>
        <translation>النقر المزدوج أو «تعديل…» يغيّر الإعداد المسبق المختار</translation>
    </message>
    <message>
        <source>What the preset sets</source>
        <translation>ما يضبطه الإعداد المسبق</translation>
    </message>
    <message>
        <source>Start a chat</source>
        <translation>بدء محادثة</translation>
    </message>
    <message>
        <source>Starts a new chat from the chosen preset</source>
        <translation>يبدأ محادثة جديدة من الإعداد المسبق المختار</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>جديد…</translation>
    </message>
    <message>
        <source>Makes a new preset</source>
        <translation>ينشئ إعدادًا مسبقًا جديدًا</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <source>Changes the chosen preset</source>
        <translation>يغيّر الإعداد المسبق المختار</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>حذف…</translation>
    </message>
    <message>
        <source>Deletes the chosen preset, after asking</source>
        <translation>يحذف الإعداد المسبق المختار بعد السؤال</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Writes the chosen preset to a file</source>
        <translation>يكتب الإعداد المسبق المختار في ملف</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>تصدير الكل…</translation>
    </message>
    <message>
        <source>Writes every preset to one file</source>
        <translation>يكتب كل الإعدادات المسبقة في ملف واحد</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>استيراد…</translation>
    </message>
    <message>
        <source>Adds the presets of a presets file</source>
        <translation>يضيف الإعدادات المسبقة من ملف إعدادات مسبقة</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>رسالة</translation>
    </message>
    <message>
        <source>No presets yet: New… makes one, Import… reads a presets file.</source>
        <translation>لا توجد إعدادات مسبقة بعد: «جديد…» ينشئ واحدًا، و«استيراد…» يقرأ ملف إعدادات مسبقة.</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>حذف الإعداد المسبق</translation>
    </message>
    <message>
        <source>Delete the preset “{name}”? Chats started from it keep their settings.</source>
        <translation>هل تريد حذف الإعداد المسبق «{name}»؟ تحتفظ المحادثات التي بدأت منه بإعداداتها.</translation>
    </message>
    <message>
        <source>Export presets</source>
        <translation>تصدير الإعدادات المسبقة</translation>
    </message>
    <message>
        <source>Import presets</source>
        <translation>استيراد الإعدادات المسبقة</translation>
    </message>
    <message>
        <source>Every field at Default: a chat from it follows the app's settings.</source>
        <translation>كل الحقول على الافتراضي: المحادثة منه تتبع إعدادات التطبيق.</translation>
    </message>
</context>
<context>
    <name>QuantGuidance</name>
    <message>
        <source>None of these files fits in this computer's memory; even {name} ({size}) needs more.</source>
        <translation>لا يتسع أي من هذه الملفات في ذاكرة هذا الحاسوب؛ حتى {name} ({size}) يحتاج إلى أكثر.</translation>
    </message>
    <message>
        <source>{choice}, the fastest that fits; none reaches {rate} tokens/s on this computer.</source>
        <translation>{choice}، الأسرع بين ما يتسع؛ لا يبلغ أيٌّ منها {rate} رمز/ث على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>{choice}; the best quality offered.</source>
        <translation>{choice}؛ أفضل جودة متاحة.</translation>
    </message>
    <message>
        <source>{choice}; {next} would not fit in memory.</source>
        <translation>{choice}؛ ولن يتسع {next} في الذاكرة.</translation>
    </message>
    <message>
        <source>{choice}; {next} would run at about {rate}.</source>
        <translation>{choice}؛ وسيعمل {next} بنحو {rate}.</translation>
    </message>
    <message>
        <source>{name}: {size}, about {rate} tokens/s here</source>
        <translation>{name}: {size}، نحو {rate} رمز/ث هنا</translation>
    </message>
</context>
<context>
    <name>RecommendedTab</name>
    <message>
        <source>Thinks before answering</source>
        <translation>يفكّر قبل الإجابة</translation>
    </message>
    <message>
        <source>Directly</source>
        <translation>مباشرةً</translation>
    </message>
    <message>
        <source>This model reasons step by step before it replies: better at hard questions, but the answer starts later.</source>
        <translation>يستدل هذا النموذج خطوة بخطوة قبل أن يرد: أفضل في الأسئلة الصعبة، لكن إجابته تبدأ متأخرة.</translation>
    </message>
    <message>
        <source>This model starts its answer straight away.</source>
        <translation>يبدأ هذا النموذج إجابته فورًا.</translation>
    </message>
    <message>
        <source>For Local documents</source>
        <translation>للمستندات المحلية</translation>
    </message>
    <message>
        <source>An embedding model: Local documents uses it to find passages by meaning. It does not chat.</source>
        <translation>نموذج تضمين: تستخدمه ميزة المستندات المحلية للعثور على المقاطع حسب معناها. لا يُجري محادثات.</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>مثبَّت</translation>
    </message>
    <message>
        <source>Chat models chosen for computers without a graphics card, smallest first. The badge says whether each fits this computer's memory; hover it for the numbers. “{speed}” says how fast each would answer on this computer: predicted, or measured once it has answered here. Models marked “{thinks}” reason first: better at hard questions, slower to start replying. Models marked “{embedding}” do not chat: they let Local documents find passages by meaning, not only by their words.</source>
        <translation>نماذج محادثة مختارة لحواسيب بلا بطاقة رسوميات، الأصغر أولًا. تبيّن الشارة هل يلائم كل نموذج ذاكرة هذا الحاسوب؛ مرّر المؤشر فوقها لترى الأرقام. يبيّن «{speed}» سرعة إجابة كل نموذج على هذا الحاسوب: متوقَّعة، أو مقيسة بعد أن يجيب هنا. النماذج الموسومة «{thinks}» تستدل أولًا: أفضل في الأسئلة الصعبة، وأبطأ في بدء الرد. النماذج الموسومة «{embedding}» لا تُجري محادثات: بل تتيح للمستندات المحلية العثور على المقاطع حسب معناها، لا بكلماتها فقط.</translation>
    </message>
    <message>
        <source>Recommended models</source>
        <translation>النماذج الموصى بها</translation>
    </message>
    <message>
        <source>One row per recommended model, smallest first: its size, the memory it needs, whether it fits, its speed here and a button to download or load it.</source>
        <translation>صف لكل نموذج موصى به، الأصغر أولًا: حجمه والذاكرة التي يحتاجها وملاءمته وسرعته هنا وزر لتنزيله أو تحميله.</translation>
    </message>
    <message>
        <source>Installed: Local documents can use it</source>
        <translation>مثبَّت: يمكن للمستندات المحلية استخدامه</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>تحميل</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>جارٍ التنزيل…</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>تنزيل</translation>
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
        <translation>تعذّرت قراءة ترويسة الملف.</translation>
    </message>
    <message>
        <source>The header of {path} is larger than {limit}, far more than any real model needs, so chatapp does not read it. Choose another file.</source>
        <translation>ترويسة {path} أكبر من {limit}، أكثر بكثير مما يحتاجه أي نموذج حقيقي، لذا لا يقرؤها chatapp. اختر ملفًا آخر.</translation>
    </message>
    <message>
        <source>{host} did not send the part of the file chatapp asked for.</source>
        <translation>لم يرسل {host} الجزء الذي طلبه chatapp من الملف.</translation>
    </message>
    <message>
        <source>The connection to {host} closed before the file's header arrived. Try again.</source>
        <translation>أُغلق الاتصال بـ {host} قبل وصول ترويسة الملف. حاول مجددًا.</translation>
    </message>
</context>
<context>
    <name>RemoteServer</name>
    <message>
        <source>its list of models is not JSON</source>
        <translation>قائمة نماذجه ليست JSON</translation>
    </message>
    <message>
        <source>its list of models has no "data"</source>
        <translation>قائمة نماذجه لا تحتوي على "data"</translation>
    </message>
    <message>
        <source>a streamed event is not JSON</source>
        <translation>حدث مُرسَل في البث ليس JSON</translation>
    </message>
    <message>
        <source>a streamed event is not an object</source>
        <translation>حدث مُرسَل في البث ليس كائنًا</translation>
    </message>
    <message>
        <source>an error with no message</source>
        <translation>خطأ بلا رسالة</translation>
    </message>
    <message>
        <source>{host} stopped the reply with an error: {message}</source>
        <translation>أوقف {host} الرد بخطأ: {message}</translation>
    </message>
    <message>
        <source>it answered with a redirect ({status})</source>
        <translation>أجاب بإعادة توجيه ({status})</translation>
    </message>
    <message>
        <source>{host} refused the API key ({status}: {message}). Set the server's API key again in Remote servers.</source>
        <translation>رفض {host} مفتاح API ‏({status}: {message}). اضبط مفتاح API للخادم مجددًا في «الخوادم البعيدة».</translation>
    </message>
    <message>
        <source>{host} has no such model or endpoint ({message}). Check the server's address (it should end in /v1) and pick a model it lists.</source>
        <translation>لا يوجد لدى {host} هذا النموذج أو نقطة النهاية ({message}). تحقّق من عنوان الخادم (يجب أن ينتهي بـ /v1) واختر نموذجًا من قائمته.</translation>
    </message>
    <message>
        <source>{host} answered with an error ({status}): {message}</source>
        <translation>أجاب {host} بخطأ ({status}): {message}</translation>
    </message>
    <message>
        <source>The connection to {host} ended before the reply did. The part already written is kept; try again or continue the reply.</source>
        <translation>انتهى الاتصال بـ {host} قبل انتهاء الرد. احتُفظ بالجزء المكتوب؛ حاول مرة أخرى أو تابع الرد.</translation>
    </message>
    <message>
        <source>{host} did not answer as an OpenAI-compatible server does ({reason}). Check the server's address.</source>
        <translation>لم يُجب {host} كما يُجيب خادم متوافق مع OpenAI ({reason}). تحقّق من عنوان الخادم.</translation>
    </message>
    <message>
        <source>{host} did not accept a connection in time. Check that the server is running and reachable, then try again.</source>
        <translation>لم يقبل {host} الاتصال في الوقت المناسب. تحقّق من أن الخادم يعمل ويمكن الوصول إليه، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>{host} stopped answering: no word of the reply came in time. The part already written is kept; try again later.</source>
        <translation>توقف {host} عن الاستجابة: لم تصل أي كلمة من الرد في الوقت المناسب. احتُفظ بالجزء المكتوب؛ حاول مرة أخرى لاحقًا.</translation>
    </message>
    <message>
        <source>{host} stopped answering: no word of the rest of the reply came in time. The part already written is kept; try again later.</source>
        <translation>توقف {host} عن الاستجابة: لم تصل أي كلمة من بقية الرد في الوقت المناسب. احتُفظ بالجزء المكتوب؛ حاول مرة أخرى لاحقًا.</translation>
    </message>
    <message>
        <source>The certificate of {host} could not be verified, so chatapp did not send it anything. If the server uses a certificate of your own, add its authority to the system's certificates; if it speaks plain http, write its address with http://.</source>
        <translation>تعذّر التحقق من شهادة {host}، لذلك لم يرسل إليه chatapp أي شيء. إن كان الخادم يستخدم شهادة خاصة بك، فأضف جهة إصدارها إلى شهادات النظام؛ وإن كان يعمل بـ http العادي، فاكتب عنوانه بـ http://.</translation>
    </message>
    <message>
        <source>{host} cannot be reached ({reason}). Check the address and that the server is running, then try again.</source>
        <translation>لا يمكن الوصول إلى {host} ({reason}). تحقّق من العنوان ومن أن الخادم يعمل، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The connection to {host} failed ({reason}). Try again.</source>
        <translation>فشل الاتصال بـ {host} ({reason}). حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The request to {host} failed ({reason}).</source>
        <translation>فشل الطلب إلى {host} ({reason}).</translation>
    </message>
    <message>
        <source>its name was not found</source>
        <translation>لم يُعثر على اسمه</translation>
    </message>
    <message>
        <source>the connection was refused: nothing listens at that address</source>
        <translation>رُفض الاتصال: لا شيء يستمع على هذا العنوان</translation>
    </message>
    <message>
        <source>the network cannot reach it</source>
        <translation>لا تستطيع الشبكة الوصول إليه</translation>
    </message>
</context>
<context>
    <name>RemoteServers</name>
    <message>
        <source>This address uses plain http:// to another computer: your messages, the replies and the API key cross the network unencrypted. Use https:// if the server offers it.</source>
        <translation>يستخدم هذا العنوان http:// العادي للاتصال بحاسوب آخر: تعبر رسائلك والردود ومفتاح API الشبكة دون تشفير. استخدم https:// إن كان الخادم يوفره.</translation>
    </message>
    <message>
        <source>The server answers, but lists no models.</source>
        <translation>يستجيب الخادم، لكنه لا يعرض أي نماذج.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between model names</comment>
        <translation>، </translation>
    </message>
    <message numerus="yes">
        <source>The server answers and lists %n models: {models} and {more} more.</source>
        <translation>
            <numerusform>يستجيب الخادم ولا يعرض أي نموذج: {models} و{more} أخرى.</numerusform>
            <numerusform>يستجيب الخادم ويعرض نموذجًا واحدًا: {models} و{more} أخرى.</numerusform>
            <numerusform>يستجيب الخادم ويعرض نموذجين: {models} و{more} أخرى.</numerusform>
            <numerusform>يستجيب الخادم ويعرض %Ln نماذج: {models} و{more} أخرى.</numerusform>
            <numerusform>يستجيب الخادم ويعرض %Ln نموذجًا: {models} و{more} أخرى.</numerusform>
            <numerusform>يستجيب الخادم ويعرض %Ln نموذج: {models} و{more} أخرى.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server answers and lists 1 model: {models}.</source>
        <translation>يستجيب الخادم ويعرض نموذجًا واحدًا: {models}.</translation>
    </message>
    <message numerus="yes">
        <source>The server answers and lists %n models: {models}.</source>
        <translation>
            <numerusform>يستجيب الخادم ولا يعرض أي نموذج: {models}.</numerusform>
            <numerusform>يستجيب الخادم ويعرض نموذجًا واحدًا: {models}.</numerusform>
            <numerusform>يستجيب الخادم ويعرض نموذجين: {models}.</numerusform>
            <numerusform>يستجيب الخادم ويعرض %Ln نماذج: {models}.</numerusform>
            <numerusform>يستجيب الخادم ويعرض %Ln نموذجًا: {models}.</numerusform>
            <numerusform>يستجيب الخادم ويعرض %Ln نموذج: {models}.</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot be reached</source>
        <translation>لا يمكن الوصول إليه</translation>
    </message>
    <message>
        <source>refused the API key</source>
        <translation>رفض مفتاح API</translation>
    </message>
    <message>
        <source>its API key cannot be read from the keyring</source>
        <translation>تتعذّر قراءة مفتاح API الخاص به من حلقة المفاتيح</translation>
    </message>
    <message>
        <source>its certificate could not be verified</source>
        <translation>تعذّر التحقق من شهادته</translation>
    </message>
    <message>
        <source>did not list its models</source>
        <translation>لم يعرض نماذجه</translation>
    </message>
    <message>
        <source>Type the server's address, for example http://127.0.0.1:8080 or https://llm.example.com.</source>
        <translation>اكتب عنوان الخادم، مثل http://127.0.0.1:8080 أو https://llm.example.com.</translation>
    </message>
    <message>
        <source>That is not a server address: it is too long or has spaces in it.</source>
        <translation>هذا ليس عنوان خادم: إنه طويل جدًا أو يحتوي على مسافات.</translation>
    </message>
    <message>
        <source>That is not a server address: the host or port is not valid.</source>
        <translation>هذا ليس عنوان خادم: المضيف أو المنفذ غير صالح.</translation>
    </message>
    <message>
        <source>A server's address starts with http:// or https://.</source>
        <translation>يبدأ عنوان الخادم بـ http:// أو https://.</translation>
    </message>
    <message>
        <source>The address has no host name.</source>
        <translation>لا يحتوي العنوان على اسم مضيف.</translation>
    </message>
    <message>
        <source>Leave the user name and password out of the address; put the server's API key in the API key box instead.</source>
        <translation>احذف اسم المستخدم وكلمة المرور من العنوان؛ وضع مفتاح API للخادم في حقل مفتاح API بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>Leave the part after ? or # out of the server's address.</source>
        <translation>احذف الجزء الذي يلي ? أو # من عنوان الخادم.</translation>
    </message>
    <message>
        <source>The list of remote servers could not be read from {path} ({error}).</source>
        <translation>تعذّرت قراءة قائمة الخوادم البعيدة من {path} ({error}).</translation>
    </message>
    <message>
        <source>The list of remote servers in {path} is damaged ({problem}) and could not be moved aside ({error}); move or delete it to add servers again.</source>
        <translation>قائمة الخوادم البعيدة في {path} تالفة ({problem}) وتعذّر نقلها جانبًا ({error})؛ انقلها أو احذفها لتتمكن من إضافة خوادم مجددًا.</translation>
    </message>
    <message>
        <source>The list of remote servers was damaged ({problem}). It was kept as {name}; add your servers again (their API keys are still in the keyring).</source>
        <translation>كانت قائمة الخوادم البعيدة تالفة ({problem}). احتُفظ بها باسم {name}؛ أضف خوادمك مجددًا (ما زالت مفاتيح API الخاصة بها في حلقة المفاتيح).</translation>
    </message>
    <message>
        <source>chatapp keeps at most {count} remote servers; remove one first.</source>
        <translation>يحتفظ chatapp بـ {count} خادمًا بعيدًا على الأكثر؛ أزل واحدًا أولًا.</translation>
    </message>
    <message>
        <source>The list of remote servers could not be saved to {path} ({error}).</source>
        <translation>تعذّر حفظ قائمة الخوادم البعيدة في {path} ({error}).</translation>
    </message>
    <message>
        <source>That remote server is no longer in the list.</source>
        <translation>لم يعد هذا الخادم البعيد في القائمة.</translation>
    </message>
    <message>
        <source>it is not JSON</source>
        <translation>ليست JSON</translation>
    </message>
    <message>
        <source>it is not a list of remote servers</source>
        <translation>ليست قائمة خوادم بعيدة</translation>
    </message>
    <message>
        <source>it is of version {version}, this chatapp reads version {latest}</source>
        <translation>إصدارها {version}، وهذا الإصدار من chatapp يقرأ الإصدار {latest}</translation>
    </message>
    <message>
        <source>its list of servers is missing or too long</source>
        <translation>قائمة خوادمها مفقودة أو طويلة جدًا</translation>
    </message>
    <message>
        <source>a server is not an object</source>
        <translation>أحد الخوادم ليس كائنًا</translation>
    </message>
    <message>
        <source>a server has no valid id</source>
        <translation>أحد الخوادم بلا معرّف صالح</translation>
    </message>
    <message>
        <source>a server has no valid name</source>
        <translation>أحد الخوادم بلا اسم صالح</translation>
    </message>
    <message>
        <source>a server has no address</source>
        <translation>أحد الخوادم بلا عنوان</translation>
    </message>
    <message>
        <source>a server's address is not valid ({problem})</source>
        <translation>عنوان أحد الخوادم غير صالح ({problem})</translation>
    </message>
    <message>
        <source>That is not an API key: a key is one word of letters, digits and signs, with no spaces. Copy it again from the server's settings.</source>
        <translation>هذا ليس مفتاح API: المفتاح كلمة واحدة من حروف وأرقام ورموز بلا مسافات. انسخه مجددًا من إعدادات الخادم.</translation>
    </message>
</context>
<context>
    <name>RemoteServersDialog</name>
    <message>
        <source>Remote servers</source>
        <translation>الخوادم البعيدة</translation>
    </message>
    <message>
        <source>A chat can use a model of an OpenAI-compatible server (llama-server, vLLM, Ollama, LM Studio, a hosted service) instead of this computer's. What you write in such a chat is sent to that server; chats on local models never leave this computer.</source>
        <translation>يمكن للمحادثة أن تستخدم نموذجًا من خادم متوافق مع OpenAI (llama-server أو vLLM أو Ollama أو LM Studio أو خدمة مستضافة) بدلًا من نموذج هذا الحاسوب. ما تكتبه في مثل هذه المحادثة يُرسل إلى ذلك الخادم؛ أما المحادثات مع النماذج المحلية فلا تغادر هذا الحاسوب أبدًا.</translation>
    </message>
    <message>
        <source>The servers added, each with its address</source>
        <translation>الخوادم المضافة، كلٌّ بعنوانه</translation>
    </message>
    <message>
        <source>No servers yet: add one below.</source>
        <translation>لا توجد خوادم بعد: أضف خادمًا أدناه.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Forget the server and its API key</source>
        <translation>نسيان الخادم ومفتاح API الخاص به</translation>
    </message>
    <message>
        <source>Add a server</source>
        <translation>إضافة خادم</translation>
    </message>
    <message>
        <source>http://127.0.0.1:8080 or https://llm.example.com</source>
        <translation>http://127.0.0.1:8080 أو https://llm.example.com</translation>
    </message>
    <message>
        <source>Optional: the host is shown if left empty</source>
        <translation>اختياري: يُعرض اسم المضيف إن تُرك فارغًا</translation>
    </message>
    <message>
        <source>Optional: kept in the system keyring</source>
        <translation>اختياري: يُحفظ في حلقة مفاتيح النظام</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>The server's address, with http:// or https://</source>
        <translation>عنوان الخادم، مع http:// أو https://</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>مفتاح API</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>تحذير</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>اختبار الاتصال</translation>
    </message>
    <message>
        <source>Asks the server for its models, without adding it</source>
        <translation>يسأل الخادم عن نماذجه دون إضافته</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Adds the server; its models join the model picker</source>
        <translation>يضيف الخادم؛ وتنضم نماذجه إلى قائمة اختيار النموذج</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>{name} — {address}</source>
        <translation>{name} — {address}</translation>
    </message>
    <message>
        <source>Asking {address} for its models…</source>
        <translation>جارٍ سؤال {address} عن نماذجه…</translation>
    </message>
    <message>
        <source>Adding the server…</source>
        <translation>جارٍ إضافة الخادم…</translation>
    </message>
    <message>
        <source>Added {name}. Its models are listed in the model picker (marked remote).</source>
        <translation>أُضيف {name}. نماذجه مدرجة في قائمة اختيار النموذج (موسومة بأنها بعيدة).</translation>
    </message>
    <message>
        <source>Its API key was not kept: {reason}</source>
        <translation>لم يُحفظ مفتاح API الخاص به: {reason}</translation>
    </message>
    <message>
        <source>Removed {name}. Chats that used it can choose another model.</source>
        <translation>أُزيل {name}. يمكن للمحادثات التي استخدمته اختيار نموذج آخر.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>المساعد</translation>
    </message>
    <message>
        <source>System</source>
        <translation>النظام</translation>
    </message>
    <message>
        <source>{title}, {date}. {role}: {text}</source>
        <translation>{title}، {date}. {role}: {text}</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>البحث في كل المحادثات</translation>
    </message>
    <message>
        <source>Words to find in every chat. The arrow keys choose a result, Enter opens it, Esc closes the search.</source>
        <translation>كلمات يُبحث عنها في كل المحادثات. تختار مفاتيح الأسهم نتيجة، ويفتحها مفتاح الإدخال، ويغلق Esc البحث.</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>حالة البحث</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <source>No messages match “{query}”.</source>
        <translation>لا توجد رسائل تطابق «{query}».</translation>
    </message>
</context>
<context>
    <name>SearchTab</name>
    <message>
        <source>★ suggested</source>
        <translation>★ مقترح</translation>
    </message>
    <message>
        <source>Search GGUF models on Hugging Face, e.g. qwen, llama 3.2, phi</source>
        <translation>ابحث عن نماذج GGUF على Hugging Face، مثل qwen وllama 3.2 وphi</translation>
    </message>
    <message>
        <source>Search the hub</source>
        <translation>البحث في مستودع النماذج</translation>
    </message>
    <message>
        <source>Words to look for in the names of GGUF repositories on Hugging Face; Enter searches</source>
        <translation>كلمات يُبحث عنها في أسماء مستودعات GGUF على Hugging Face؛ يبدأ Enter البحث</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Searches the hub for the words in the search field</source>
        <translation>يبحث في مستودع النماذج عن كلمات حقل البحث</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <source>One row per repository with GGUF files, most downloaded first; select one to list its files</source>
        <translation>صف لكل مستودع فيه ملفات GGUF، الأكثر تنزيلًا أولًا؛ اختر واحدًا لعرض ملفاته</translation>
    </message>
    <message>
        <source>More results</source>
        <translation>مزيد من النتائج</translation>
    </message>
    <message>
        <source>Model files</source>
        <translation>ملفات النموذج</translation>
    </message>
    <message>
        <source>One row per model file of the selected repository: its quantization, size, whether it fits and its speed here; select one to read its header</source>
        <translation>صف لكل ملف نموذج في المستودع المحدد: تكميمه وحجمه وملاءمته وسرعته هنا؛ اختر واحدًا لقراءة ترويسته</translation>
    </message>
    <message>
        <source>Selected file</source>
        <translation>الملف المحدد</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>تنزيل</translation>
    </message>
    <message>
        <source>Downloads the selected file, once its header has been read</source>
        <translation>ينزّل الملف المحدد بعد قراءة ترويسته</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>حالة البحث</translation>
    </message>
    <message>
        <source>Searching {host}…</source>
        <translation>جارٍ البحث في {host}…</translation>
    </message>
    <message>
        <source>(gated)</source>
        <translation>(مقيَّد الوصول)</translation>
    </message>
    <message numerus="yes">
        <source>%n repositories with GGUF files, most downloaded first.</source>
        <translation>
            <numerusform>لا مستودعات فيها ملفات GGUF.</numerusform>
            <numerusform>مستودع واحد فيه ملفات GGUF.</numerusform>
            <numerusform>مستودعان فيهما ملفات GGUF، الأكثر تنزيلًا أولًا.</numerusform>
            <numerusform>%Ln مستودعات فيها ملفات GGUF، الأكثر تنزيلًا أولًا.</numerusform>
            <numerusform>%Ln مستودعًا فيها ملفات GGUF، الأكثر تنزيلًا أولًا.</numerusform>
            <numerusform>%Ln مستودع فيها ملفات GGUF، الأكثر تنزيلًا أولًا.</numerusform>
        </translation>
    </message>
    <message>
        <source>No GGUF repositories match “{query}”.</source>
        <translation>لا توجد مستودعات GGUF تطابق «{query}».</translation>
    </message>
    <message>
        <source>Listing {repository}…</source>
        <translation>جارٍ عرض ملفات {repository}…</translation>
    </message>
    <message numerus="yes">
        <source>{repository}: %n GGUF models.</source>
        <translation>
            <numerusform>{repository}: لا نماذج بصيغة GGUF.</numerusform>
            <numerusform>{repository}: نموذج واحد بصيغة GGUF.</numerusform>
            <numerusform>{repository}: نموذجان بصيغة GGUF.</numerusform>
            <numerusform>{repository}: %Ln نماذج بصيغة GGUF.</numerusform>
            <numerusform>{repository}: %Ln نموذجًا بصيغة GGUF.</numerusform>
            <numerusform>{repository}: %Ln نموذج بصيغة GGUF.</numerusform>
        </translation>
    </message>
    <message>
        <source>It is gated: downloading needs a Hugging Face token (below) and accepting its terms on the hub.</source>
        <translation>الوصول إليه مقيَّد: يتطلب التنزيل رمز Hugging Face (أدناه) وقبول شروطه على مستودع النماذج.</translation>
    </message>
    <message>
        <source>Suggested here: {reason}</source>
        <translation>المقترح هنا: {reason}</translation>
    </message>
    <message>
        <source>Reading the header of {file}…</source>
        <translation>جارٍ قراءة ترويسة {file}…</translation>
    </message>
    <message>
        <source>Architecture: {architecture}</source>
        <translation>البنية: {architecture}</translation>
    </message>
    <message>
        <source>context up to {tokens} tokens</source>
        <translation>سياق يصل إلى {tokens} من الرموز</translation>
    </message>
    <message>
        <source>{count} parameters</source>
        <translation>{count} من المعاملات</translation>
    </message>
    <message>
        <source>{facts}.</source>
        <translation>{facts}.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Runs with this app's engine.</source>
        <translation>يعمل بمحرك هذا التطبيق.</translation>
    </message>
    <message numerus="yes">
        <source>(%n parts)</source>
        <translation>
            <numerusform>(بلا أجزاء)</numerusform>
            <numerusform>(جزء واحد)</numerusform>
            <numerusform>(جزآن)</numerusform>
            <numerusform>(%Ln أجزاء)</numerusform>
            <numerusform>(%Ln جزءًا)</numerusform>
            <numerusform>(%Ln جزء)</numerusform>
        </translation>
    </message>
    <message>
        <source>(incomplete)</source>
        <translation>(غير مكتمل)</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Temperature</source>
        <translation>درجة الحرارة</translation>
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
        <translation>عقوبة التكرار</translation>
    </message>
    <message>
        <source>Max reply tokens</source>
        <translation>الحد الأقصى لرموز الرد</translation>
    </message>
    <message>
        <source>Thinking budget tokens</source>
        <translation>ميزانية رموز التفكير</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>طول السياق</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>الخيوط</translation>
    </message>
    <message>
        <source>API port</source>
        <translation>منفذ واجهة API</translation>
    </message>
    <message>
        <source>Min tokens per s</source>
        <translation>الحد الأدنى من الرموز في الثانية</translation>
    </message>
    <message>
        <source>KV memory budget (MB)</source>
        <translation>ميزانية ذاكرة KV (م.ب)</translation>
    </message>
    <message>
        <source>Text size (%)</source>
        <translation>حجم النص (%)</translation>
    </message>
    <message>
        <source>{name} must be a number</source>
        <translation>يجب أن تكون قيمة {name} رقمًا</translation>
    </message>
    <message>
        <source>{name} must be between {low} and {high} (got {value}).</source>
        <translation>يجب أن تكون قيمة {name} بين {low} و{high} (القيمة المستلمة: {value}).</translation>
    </message>
    <message>
        <source>Context length must be Auto or at least 256 tokens.</source>
        <translation>يجب أن يكون طول السياق «تلقائي» أو 256 رمزًا على الأقل.</translation>
    </message>
    <message>
        <source>The KV cache type must be one of {choices} (got {value}).</source>
        <translation>يجب أن يكون نوع ذاكرة KV المؤقتة أحد {choices} (القيمة المستلمة: {value}).</translation>
    </message>
    <message>
        <source>The theme must be one of {choices} (got {value}).</source>
        <translation>يجب أن يكون المظهر أحد {choices} (القيمة المستلمة: {value}).</translation>
    </message>
    <message>
        <source>The language must be one of {choices} or empty for the system's (got {value}).</source>
        <translation>يجب أن تكون اللغة إحدى {choices} أو فارغة لاستخدام لغة النظام (القيمة المستلمة: {value}).</translation>
    </message>
    <message>
        <source>The system prompt is too long (at most {count} characters).</source>
        <translation>موجّه النظام طويل جدًا (الحد الأقصى {count} حرف).</translation>
    </message>
    <message>
        <source>The hub address must be an https:// address (http:// only for this computer, e.g. a local mirror).</source>
        <translation>يجب أن يكون عنوان المستودع عنوان https://‎ (و http://‎ لهذا الحاسوب فقط، مثل نسخة مرآة محلية).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Full precision (f16)</source>
        <translation>دقة كاملة (f16)</translation>
    </message>
    <message>
        <source>Half (q8_0)</source>
        <translation>النصف (q8_0)</translation>
    </message>
    <message>
        <source>Quarter (q4_0)</source>
        <translation>الربع (q4_0)</translation>
    </message>
    <message>
        <source>How the model keeps the chat in memory. Half or a quarter of the memory lets longer chats fit; q4_0 may lower the answers' quality.</source>
        <translation>طريقة احتفاظ النموذج بالمحادثة في الذاكرة. نصف الذاكرة أو ربعها يتيح محادثات أطول؛ وقد يُضعف q4_0 جودة الإجابات.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>Auto (fits this computer)</source>
        <translation>تلقائي (يناسب هذا الحاسوب)</translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <translation>{count} رمز</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>الردود</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>موجّه النظام</translation>
    </message>
    <message>
        <source>What the model is told before every chat</source>
        <translation>ما يُقال للنموذج قبل كل محادثة</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>درجة الحرارة</translation>
    </message>
    <message>
        <source>Higher is more varied, 0 always picks the likeliest word</source>
        <translation>القيمة الأعلى أكثر تنوعًا، و0 تختار دائمًا الكلمة الأرجح</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Only the likeliest words that together make up this share of the probability are considered</source>
        <translation>لا تُؤخذ في الحسبان إلا الكلمات الأرجح التي تشكّل معًا هذه النسبة من الاحتمال</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Only this many of the likeliest words are considered</source>
        <translation>لا يُؤخذ في الحسبان إلا هذا العدد من الكلمات الأرجح</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Words less likely than this share of the likeliest word's probability are left out</source>
        <translation>تُستبعد الكلمات التي يقل احتمالها عن هذه النسبة من احتمال الكلمة الأرجح</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>عقوبة التكرار</translation>
    </message>
    <message>
        <source>Above 1, words already written are less likely again</source>
        <translation>فوق 1 يقل احتمال تكرار الكلمات المكتوبة سابقًا</translation>
    </message>
    <message>
        <source>Max reply tokens</source>
        <translation>أقصى عدد رموز للرد</translation>
    </message>
    <message>
        <source>The answer's length; a reasoning model's thought counts against the thinking budget instead</source>
        <translation>طول الإجابة؛ أما تفكير نموذج الاستدلال فيُحتسب من ميزانية التفكير</translation>
    </message>
    <message>
        <source>Thinking budget (tokens)</source>
        <translation>ميزانية التفكير (رموز)</translation>
    </message>
    <message>
        <source>How long a reasoning model may think before it must answer</source>
        <translation>المدة التي يمكن لنموذج الاستدلال أن يفكر فيها قبل أن يجيب</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>السمة</translation>
    </message>
    <message>
        <source>Light or dark colours, or those the system uses</source>
        <translation>ألوان فاتحة أو داكنة، أو ألوان النظام</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>لغة النظام ({language})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>The language of the window; a new language applies when chatapp starts again</source>
        <translation>لغة النافذة؛ تُطبَّق اللغة الجديدة عند تشغيل chatapp من جديد</translation>
    </message>
    <message>
        <source>A new language applies when chatapp starts again.</source>
        <translation>تُطبَّق اللغة الجديدة عند تشغيل chatapp من جديد.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> ٪</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>حجم النص</translation>
    </message>
    <message>
        <source>The size of the text in the window, in percent of the system's (also Ctrl+= and Ctrl+-)</source>
        <translation>حجم النص في النافذة، بالنسبة المئوية من حجم النظام (وأيضًا Ctrl+= وCtrl+-)</translation>
    </message>
    <message>
        <source>Model and memory</source>
        <translation>النموذج والذاكرة</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>طول السياق</translation>
    </message>
    <message>
        <source>How much of the chat the model reads at once, in tokens</source>
        <translation>مقدار ما يقرؤه النموذج من المحادثة دفعة واحدة، بالرموز</translation>
    </message>
    <message>
        <source>Context memory (KV cache)</source>
        <translation>ذاكرة السياق (ذاكرة KV المؤقتة)</translation>
    </message>
    <message>
        <source>About the context memory</source>
        <translation>عن ذاكرة السياق</translation>
    </message>
    <message>
        <source>Auto ({cores} physical cores)</source>
        <translation>تلقائي ({cores} أنوية فعلية)</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>الخيوط</translation>
    </message>
    <message>
        <source>How many of the processor's cores compute the replies</source>
        <translation>عدد أنوية المعالج التي تحسب الردود</translation>
    </message>
    <message>
        <source>Auto (a quarter of free memory, ≤ 2 GiB)</source>
        <translation>تلقائي (ربع الذاكرة الحرة، ≤ 2 جيبيبايت)</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> ميبيبايت</translation>
    </message>
    <message>
        <source>Memory for chats left</source>
        <translation>ذاكرة للمحادثات المتروكة</translation>
    </message>
    <message>
        <source>Memory that keeps the chats you left ready, so going back to one answers at once; more of them wait in the cache folder on disk</source>
        <translation>ذاكرة تُبقي المحادثات التي تركتها جاهزة، فيأتي الرد فورًا عند العودة إليها؛ وينتظر المزيد منها في مجلد ذاكرة التخزين المؤقت على القرص</translation>
    </message>
    <message>
        <source> tokens/s</source>
        <translation> رمز/ث</translation>
    </message>
    <message>
        <source>Slowest speed worth waiting for</source>
        <translation>أبطأ سرعة تستحق الانتظار</translation>
    </message>
    <message>
        <source>Among a model's quantizations, Models suggests the best one that answers at least this fast on this computer</source>
        <translation>من بين تكميمات النموذج، يقترح قسم النماذج أفضلها مما يجيب بهذه السرعة على الأقل على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Model hub address</source>
        <translation>عنوان مستودع النماذج</translation>
    </message>
    <message>
        <source>Where model search and downloads go: Hugging Face, or a mirror</source>
        <translation>الجهة التي يُرسل إليها البحث عن النماذج وتنزيلها: Hugging Face أو خادم مرآة</translation>
    </message>
    <message>
        <source>Sampling and the system prompt apply to the next reply. A new context length or context memory reloads the model.</source>
        <translation>تُطبَّق إعدادات أخذ العينات وموجّه النظام على الرد التالي. ويؤدي تغيير طول السياق أو ذاكرة السياق إلى إعادة تحميل النموذج.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>مشكلة</translation>
    </message>
    <message>
        <source>Shows every setting's default; OK saves them</source>
        <translation>يعرض القيمة الافتراضية لكل إعداد؛ ويحفظها زر موافق</translation>
    </message>
    <message>
        <source>{model} takes {f16} with f16, {q8_0} with q8_0, {q4_0} with q4_0 per token.</source>
        <translation>يشغل {model} لكل رمز {f16} مع f16، و{q8_0} مع q8_0، و{q4_0} مع q4_0.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Message box</source>
        <translation>مربع الرسالة</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>إرسال الرسالة</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>سطر جديد</translation>
    </message>
    <message>
        <source>Next control</source>
        <translation>عنصر التحكم التالي</translation>
    </message>
    <message>
        <source>Chat list</source>
        <translation>قائمة المحادثات</translation>
    </message>
    <message>
        <source>Rename the chat</source>
        <translation>إعادة تسمية المحادثة</translation>
    </message>
    <message>
        <source>Select several chats</source>
        <translation>تحديد عدة محادثات</translation>
    </message>
    <message>
        <source>Find in chat</source>
        <translation>البحث في المحادثة</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>التطابق التالي</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>التطابق السابق</translation>
    </message>
    <message>
        <source>Close the bar</source>
        <translation>إغلاق الشريط</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Every command with a shortcut, and its keys, by menu</source>
        <translation>كل أمر له اختصار ومفاتيحه، مرتبة حسب القائمة</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>SpeedEstimate</name>
    <message>
        <source>measured: {rate} tokens/s</source>
        <translation>مقيسة: {rate} رمز/ث</translation>
    </message>
    <message>
        <source> · prompt {rate}/s</source>
        <translation> · الموجّه {rate}/ث</translation>
    </message>
    <message>
        <source>≈ {rate} tokens/s</source>
        <translation>≈ {rate} رمز/ث</translation>
    </message>
    <message>
        <source> · prompt ≈ {rate}/s</source>
        <translation> · الموجّه ≈ {rate}/ث</translation>
    </message>
    <message>
        <source>Measured on this computer: its last reply.</source>
        <translation>مقيسة على هذا الحاسوب: ردّه الأخير.</translation>
    </message>
    <message numerus="yes">
        <source>Measured on this computer: the median of its last %n replies.</source>
        <translation>
            <numerusform>مقيسة على هذا الحاسوب: لا ردود بعد.</numerusform>
            <numerusform>مقيسة على هذا الحاسوب: ردّه الأخير.</numerusform>
            <numerusform>مقيسة على هذا الحاسوب: وسيط ردّيه الأخيرين.</numerusform>
            <numerusform>مقيسة على هذا الحاسوب: وسيط آخر %Ln ردود.</numerusform>
            <numerusform>مقيسة على هذا الحاسوب: وسيط آخر %Ln ردًّا.</numerusform>
            <numerusform>مقيسة على هذا الحاسوب: وسيط آخر %Ln ردّ.</numerusform>
        </translation>
    </message>
    <message>
        <source>calibrated with 1 reply of models run here</source>
        <translation>معايَرة بردّ واحد من نماذج شُغّلت هنا</translation>
    </message>
    <message numerus="yes">
        <source>calibrated with %n replies of models run here</source>
        <translation>
            <numerusform>غير معايَرة بأي ردّ بعد</numerusform>
            <numerusform>معايَرة بردّ واحد من نماذج شُغّلت هنا</numerusform>
            <numerusform>معايَرة بردّين من نماذج شُغّلت هنا</numerusform>
            <numerusform>معايَرة بـ %Ln ردود من نماذج شُغّلت هنا</numerusform>
            <numerusform>معايَرة بـ %Ln ردًّا من نماذج شُغّلت هنا</numerusform>
            <numerusform>معايَرة بـ %Ln ردّ من نماذج شُغّلت هنا</numerusform>
        </translation>
    </message>
    <message>
        <source>not yet calibrated: run a model and the numbers adjust to it</source>
        <translation>غير معايَرة بعد: شغّل نموذجًا وستتكيّف الأرقام معه</translation>
    </message>
    <message>
        <source>Predicted for this computer from its measured memory speed and compute and the model's size and format ({basis}). Replies slow down as the chat gets longer.</source>
        <translation>متوقَّعة لهذا الحاسوب من سرعة ذاكرته وقدرته الحسابية المقيستين ومن حجم النموذج وصيغته ({basis}). تتباطأ الردود كلما طالت المحادثة.</translation>
    </message>
</context>
<context>
    <name>SpeedLabel</name>
    <message>
        <source>measuring…</source>
        <translation>جارٍ القياس…</translation>
    </message>
    <message>
        <source>Measuring this computer's speed (once, about a second)…</source>
        <translation>جارٍ قياس سرعة هذا الحاسوب (مرة واحدة، نحو ثانية)…</translation>
    </message>
    <message>
        <source>Speed on this computer: {speed}</source>
        <translation>السرعة على هذا الحاسوب: {speed}</translation>
    </message>
</context>
<context>
    <name>StarterModel</name>
    <message>
        <source>The starter model is not part of this installation. Run `make run` from the source folder (it installs it), or open a GGUF model file you already have.</source>
        <translation>نموذج البداية ليس جزءًا من هذا التثبيت. شغّل `make run` من مجلد المصدر (فهو يثبّته)، أو افتح ملف نموذج GGUF لديك بالفعل.</translation>
    </message>
    <message>
        <source>The bundled starter model at {path} is damaged (its checksum does not match). Reinstall chatapp.</source>
        <translation>نموذج البداية المرفق في {path} تالف (مجموع تحققه غير مطابق). أعد تثبيت chatapp.</translation>
    </message>
    <message>
        <source>The starter model could not be copied into {folder}: {reason}. Free some disk space and try again.</source>
        <translation>تعذّر نسخ نموذج البداية إلى {folder}: {reason}. حرّر بعض مساحة القرص وحاول مجددًا.</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>النشاط</translation>
    </message>
    <message>
        <source>What the app is doing</source>
        <translation>ما يفعله التطبيق الآن</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>مشغول</translation>
    </message>
    <message>
        <source>Shown while the app is working</source>
        <translation>يظهر أثناء عمل التطبيق</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>لم يُحمَّل أي نموذج</translation>
    </message>
    <message>
        <source>Loaded model</source>
        <translation>النموذج المحمَّل</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>التنزيل</translation>
    </message>
    <message>
        <source>The running download's progress</source>
        <translation>تقدّم التنزيل الجاري</translation>
    </message>
    <message>
        <source>Context used</source>
        <translation>السياق المستخدم</translation>
    </message>
    <message>
        <source>API server</source>
        <translation>خادم API</translation>
    </message>
    <message>
        <source>The API server: other programs use the loaded model here</source>
        <translation>خادم API: تستخدم البرامج الأخرى النموذج المحمَّل من هنا</translation>
    </message>
    <message>
        <source>Tokens the conversation takes of the model's context</source>
        <translation>الرموز التي تشغلها المحادثة من سياق النموذج</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Context memory: {type} KV cache</source>
        <translation>ذاكرة السياق: ذاكرة KV المؤقتة {type}</translation>
    </message>
    <message>
        <source>Context memory: {type} KV cache, {size} per token</source>
        <translation>ذاكرة السياق: ذاكرة KV المؤقتة {type}، {size} لكل رمز</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>الملف: {path}</translation>
    </message>
    <message>
        <source>{architecture}, {quantization}, {millions}M parameters, {size}</source>
        <translation>{architecture}، {quantization}، {millions} مليون معامل، {size}</translation>
    </message>
    <message>
        <source>Context {tokens} tokens ({reason}; the model's maximum is {maximum})</source>
        <translation>السياق {tokens} رمزًا ({reason}؛ الحد الأقصى للنموذج {maximum})</translation>
    </message>
    <message>
        <source>Threads {replies} for replies, {prompts} for prompts</source>
        <translation>خيوط المعالجة: {replies} للردود، {prompts} للمطالبات</translation>
    </message>
    <message>
        <source>Chat format: {template}</source>
        <translation>تنسيق المحادثة: {template}</translation>
    </message>
    <message>
        <source>Downloaded {name}; it is in the model list.</source>
        <translation>نُزِّل {name}؛ وهو في قائمة النماذج.</translation>
    </message>
</context>
<context>
    <name>TemplateOverrides</name>
    <message>
        <source>Open Models ▸ Installed ▸ Chat template… to save it again or reset it to the model's own.</source>
        <translation>افتح النماذج ▸ المثبّتة ▸ قالب المحادثة… لحفظه مجددًا أو إعادته إلى قالب النموذج نفسه.</translation>
    </message>
    <message>
        <source>Your chat template for {name} cannot be read ({reason}). {hint}</source>
        <translation>لا يمكن قراءة قالب المحادثة الخاص بك لـ {name} ({reason}). {hint}</translation>
    </message>
    <message>
        <source>Your chat template for {name} is larger than {limit}, more than any chat template needs, so it is not used. {hint}</source>
        <translation>قالب المحادثة الخاص بك لـ {name} أكبر من {limit}، أكثر مما يحتاجه أي قالب محادثة، لذا لا يُستخدم. {hint}</translation>
    </message>
    <message>
        <source>Your chat template for {name} is not text (it is not valid UTF-8), so it is not used. {hint}</source>
        <translation>قالب المحادثة الخاص بك لـ {name} ليس نصًا (ليس UTF-8 صالحًا)، لذا لا يُستخدم. {hint}</translation>
    </message>
    <message>
        <source>An empty chat template cannot be saved. To use the model's own template, reset to it instead.</source>
        <translation>لا يمكن حفظ قالب محادثة فارغ. لاستخدام قالب النموذج نفسه، أعِد التعيين إليه بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>The chat template holds characters that cannot be saved as text (at position {position}).</source>
        <translation>يحتوي قالب المحادثة على محارف لا يمكن حفظها نصًا (في الموضع {position}).</translation>
    </message>
    <message>
        <source>The chat template is {size}; chatapp keeps templates of up to {limit}.</source>
        <translation>حجم قالب المحادثة {size}؛ ويحفظ chatapp القوالب حتى {limit}.</translation>
    </message>
    <message>
        <source>Your chat template for {name} could not be saved ({reason}).</source>
        <translation>تعذّر حفظ قالب المحادثة الخاص بك لـ {name} ({reason}).</translation>
    </message>
    <message>
        <source>Your chat template for {name} could not be removed ({reason}); it is in {folder}.</source>
        <translation>تعذّرت إزالة قالب المحادثة الخاص بك لـ {name} ({reason})؛ وهو موجود في {folder}.</translation>
    </message>
    <message>
        <source>{name} cannot be read ({reason}).</source>
        <translation>لا يمكن قراءة {name} ({reason}).</translation>
    </message>
    <message>
        <source>The model's own chat template is larger than {limit}, so chatapp does not use it.</source>
        <translation>قالب المحادثة الخاص بالنموذج أكبر من {limit}، لذا لا يستخدمه chatapp.</translation>
    </message>
    <message>
        <source>This model file has no chat template of its own.</source>
        <translation>ليس لملف النموذج هذا قالب محادثة خاص به.</translation>
    </message>
</context>
<context>
    <name>ThinkingBlock</name>
    <message>
        <source>Shows or hides the model's thought</source>
        <translation>يُظهر تفكير النموذج أو يخفيه</translation>
    </message>
    <message>
        <source>Copy thought</source>
        <translation>نسخ التفكير</translation>
    </message>
    <message>
        <source>Copy the model's thought, without the answer</source>
        <translation>نسخ تفكير النموذج دون الإجابة</translation>
    </message>
    <message>
        <source>The model's thought</source>
        <translation>تفكير النموذج</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>نُسخ</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>يفكّر…</translation>
    </message>
    <message>
        <source>Thinking… {elapsed}</source>
        <translation>يفكّر… {elapsed}</translation>
    </message>
    <message>
        <source>Thought (stopped)</source>
        <translation>فكّر (أُوقف)</translation>
    </message>
    <message>
        <source>Thought</source>
        <translation>فكّر</translation>
    </message>
    <message>
        <source>Thought for {elapsed} (stopped)</source>
        <translation>فكّر لمدة {elapsed} (أُوقف)</translation>
    </message>
    <message>
        <source>Thought for {elapsed}</source>
        <translation>فكّر لمدة {elapsed}</translation>
    </message>
</context>
<context>
    <name>TokenBox</name>
    <message>
        <source>Hugging Face token (only for gated models)</source>
        <translation>رمز Hugging Face (للنماذج مقيَّدة الوصول فقط)</translation>
    </message>
    <message>
        <source>hf_… (create one at huggingface.co/settings/tokens)</source>
        <translation>أنشئ رمزًا في huggingface.co/settings/tokens والصقه هنا (hf_…)</translation>
    </message>
    <message>
        <source>Hugging Face token</source>
        <translation>رمز Hugging Face</translation>
    </message>
    <message>
        <source>A token of your Hugging Face account, for downloading gated models; it is kept in the system keyring, not shown</source>
        <translation>رمز من حسابك على Hugging Face لتنزيل النماذج مقيَّدة الوصول؛ يُحفظ في حلقة مفاتيح النظام ولا يُعرض</translation>
    </message>
    <message>
        <source>Save in keyring</source>
        <translation>حفظ في حلقة المفاتيح</translation>
    </message>
    <message>
        <source>Stores the token typed in the system keyring</source>
        <translation>يحفظ الرمز المكتوب في حلقة مفاتيح النظام</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Remove the token</source>
        <translation>إزالة الرمز</translation>
    </message>
    <message>
        <source>Deletes the stored token from the system keyring</source>
        <translation>يحذف الرمز المحفوظ من حلقة مفاتيح النظام</translation>
    </message>
    <message>
        <source>Token state</source>
        <translation>حالة الرمز</translation>
    </message>
    <message>
        <source>Looking in the keyring…</source>
        <translation>جارٍ البحث في حلقة المفاتيح…</translation>
    </message>
    <message>
        <source>A token is stored in the system keyring.</source>
        <translation>يوجد رمز محفوظ في حلقة مفاتيح النظام.</translation>
    </message>
    <message>
        <source>No token stored. Public models need none.</source>
        <translation>لا يوجد رمز محفوظ. النماذج العامة لا تحتاج إليه.</translation>
    </message>
    <message>
        <source>Saved in the system keyring. It is sent only to the hub, only for downloads and searches.</source>
        <translation>حُفظ في حلقة مفاتيح النظام. لا يُرسل إلا إلى مستودع النماذج، ولا يُستخدم إلا للتنزيل والبحث.</translation>
    </message>
    <message>
        <source>Saving in the keyring…</source>
        <translation>جارٍ الحفظ في حلقة المفاتيح…</translation>
    </message>
    <message>
        <source>Removing from the keyring…</source>
        <translation>جارٍ الإزالة من حلقة المفاتيح…</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>New chat</source>
        <translation>محادثة جديدة</translation>
    </message>
</context>
</TS>
