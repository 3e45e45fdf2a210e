<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ" sourcelanguage="en">
<context>
    <name>AppealsTab</name>
    <message>
        <source>drafted</source>
        <translation>жобасы</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>жіберілді</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>алынғаны расталды</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>жауап келді</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>жауап жоқ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Алушы</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Үлгі</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тілі</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Нөмірі</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Қайта өтініш</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>Жіберілді деп белгілеу</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Алынғаны расталды</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Жауап жоқ</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Жауап келді</translation>
    </message>
    <message>
        <source>The official response, recorded with Answered</source>
        <translation>Ресми жауап («Жауап келді» батырмасымен жазылады)</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>жауап жоқ</translation>
    </message>
    <message>
        <source>denial</source>
        <translation>жоққа шығару</translation>
    </message>
    <message>
        <source>confirmation of detention</source>
        <translation>ұсталғаны расталды</translation>
    </message>
    <message>
        <source>release confirmed</source>
        <translation>босатылғаны расталды</translation>
    </message>
    <message>
        <source>Notes or the text of the answer (saved with the next status change)</source>
        <translation>Ескертпе немесе жауап мәтіні (келесі мәртебе өзгергенде сақталады)</translation>
    </message>
    <message>
        <source>Follow-up letter…</source>
        <translation>Қайта хат…</translation>
    </message>
    <message>
        <source>New letter…</source>
        <translation>Жаңа хат…</translation>
    </message>
    <message>
        <source>No letter has been recorded for this case yet.</source>
        <translation>Бұл іс бойынша әзірге бірде-бір хат жазылмаған.</translation>
    </message>
</context>
<context>
    <name>AttachmentsField</name>
    <message>
        <source>Name</source>
        <translation>Файл аты</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Өлшемі</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Түсініктеме</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Қосу…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорттау…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Save the case first, then add files to it.</source>
        <translation>Алдымен істі сақтаңыз, содан кейін оған файлдар қосыңыз.</translation>
    </message>
    <message>
        <source>No files yet. Drop files here or use Add…</source>
        <translation>Әзірге файл жоқ. Файлдарды осында сүйреңіз немесе «Қосу…» басыңыз.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Тіркемелер</translation>
    </message>
    <message>
        <source>The file is {0}, larger than the limit of {1} per attachment. The limit can be changed in Settings.</source>
        <translation>Файлдың өлшемі — {0}, бұл бір тіркемеге арналған {1} шегінен үлкен. Шекті баптауларда өзгертуге болады.</translation>
    </message>
    <message>
        <source>Add files to this case</source>
        <translation>Осы іске файлдар қосу</translation>
    </message>
    <message>
        <source>Encrypting into the vault…</source>
        <translation>Қоймаға шифрлануда…</translation>
    </message>
    <message>
        <source>Encrypting file {0} of {1} into the vault…</source>
        <translation>Қоймаға шифрлануда: {1} файлдың {0}-і…</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Some files were not added</source>
        <translation>Кейбір файлдар қосылмады</translation>
    </message>
    <message>
        <source>Encrypted into the vault. The original is still outside the vault, at:</source>
        <translation>Қоймаға шифрланды. Бастапқы файл әлі де қоймадан тыс жерде тұр:</translation>
    </message>
    <message>
        <source>Encrypted into the vault. The originals are still outside the vault, at:</source>
        <translation>Қоймаға шифрланды. Бастапқы файлдар әлі де қоймадан тыс жерде тұр:</translation>
    </message>
    <message>
        <source>If it must not be found on this computer, delete it securely yourself. Testimony Desk does not delete or change the original.</source>
        <translation>Егер оны бұл компьютерден ешкім таппауы керек болса, өзіңіз қауіпсіз түрде жойыңыз. Testimony Desk бастапқы файлды жоймайды және өзгертпейді.</translation>
    </message>
    <message>
        <source>Original file kept</source>
        <translation>Бастапқы файл сақталды</translation>
    </message>
    <message>
        <source>Cancelled. Nothing of the cancelled file was kept.</source>
        <translation>Тоқтатылды. Тоқтатылған файлдан ештеңе сақталмады.</translation>
    </message>
    <message>
        <source>Export attachment</source>
        <translation>Тіркемені экспорттау</translation>
    </message>
    <message>
        <source>Writing the exported file…</source>
        <translation>Экспортталатын файл жазылуда…</translation>
    </message>
    <message>
        <source>Attachment exported</source>
        <translation>Тіркеме экспортталды</translation>
    </message>
    <message>
        <source>An unencrypted copy was written to:

{0}

Delete it securely when it is no longer needed.</source>
        <translation>Шифрланбаған көшірме мына жерге жазылды:

{0}

Қажеті болмай қалғанда оны қауіпсіз түрде жойыңыз.</translation>
    </message>
    <message>
        <source>Remove “{0}” from this case? Its encrypted copy is deleted from the vault.</source>
        <translation>«{0}» осы істен жойылсын ба? Оның шифрланған көшірмесі қоймадан жойылады.</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Тіркемені жою</translation>
    </message>
    <message>
        <source>Loading the preview…</source>
        <translation>Алдын ала көрініс жүктелуде…</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>Бұл суретті көрсету мүмкін емес.</translation>
    </message>
</context>
<context>
    <name>AutoLock</name>
    <message>
        <source>Locks in {time}</source>
        <translation>Құлыптауға дейін {time}</translation>
    </message>
</context>
<context>
    <name>BatchLettersDialog</name>
    <message>
        <source>Batch letters</source>
        <translation>Бірнеше іске хаттар</translation>
    </message>
    <message>
        <source>Automatic (per case)</source>
        <translation>Автоматты (әр іске)</translation>
    </message>
    <message>
        <source>Record each letter as a drafted appeal</source>
        <translation>Әр хатты өтініш жобасы ретінде жазу</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>Істер: {count}</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Үлгі</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Алушы</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тілі</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Қалта</translation>
    </message>
    <message>
        <source>Write letters</source>
        <translation>Хаттарды жазу</translation>
    </message>
    <message>
        <source>Warning: the postal address of this recipient is not verified. Check it on the institution&apos;s own page before sending.</source>
        <translation>Назар аударыңыз: бұл алушының пошта мекенжайы тексерілмеген. Жібермес бұрын оны мекеменің ресми бетінен тексеріңіз.</translation>
    </message>
    <message>
        <source>Folder for the letters</source>
        <translation>Хаттарға арналған қалта</translation>
    </message>
    <message>
        <source>Writing letters…</source>
        <translation>Хаттар жазылуда…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Writing letter {done} of {total} ({reference})…</source>
        <translation>{total} хаттың {done}-і жазылуда ({reference})…</translation>
    </message>
    <message>
        <source>{written} letters written to {folder}.</source>
        <translation>Жазылған хаттар: {written}. Қалта: {folder}.</translation>
    </message>
    <message>
        <source>Cancelled: the remaining cases got no letter.</source>
        <translation>Тоқтатылды: қалған істерге хат жазылмады.</translation>
    </message>
    <message>
        <source>{count} appeals recorded as drafted.</source>
        <translation>Өтініш жобасы ретінде жазылды: {count}.</translation>
    </message>
    <message>
        <source>Skipped (the letter was refused):</source>
        <translation>Өткізіліп кетті (хатты жазу мүмкін болмады):</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… және тағы {count}</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>New case (not saved yet)</source>
        <translation>Жаңа іс (әлі сақталмаған)</translation>
    </message>
    <message>
        <source>Missing for the UN WGEID: {elements}</source>
        <translation>БҰҰ WGEID тобы үшін жетіспейді: {elements}</translation>
    </message>
    <message>
        <source>All UN WGEID minimum elements are present.</source>
        <translation>БҰҰ WGEID тобына қажетті ең аз мәліметтің бәрі бар.</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Міндетті өріс</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>Any status</source>
        <translation>Барлық мәртебе</translation>
    </message>
    <message>
        <source>Any verification</source>
        <translation>Тексерілуі: бәрі</translation>
    </message>
    <message>
        <source>Country of detention</source>
        <translation>Ұсталған елі</translation>
    </message>
    <message>
        <source>Any country</source>
        <translation>Барлық ел</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Бастап</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Дейін</translation>
    </message>
    <message>
        <source>Date of the latest event: YYYY, YYYY-MM or YYYY-MM-DD. A case is shown when its latest event&apos;s date overlaps the range.</source>
        <translation>Соңғы оқиғаның күні: ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК (цифрмен). Соңғы оқиғасының күні осы аралыққа түсетін іс көрсетіледі.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сүзгілерді тазарту</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>HQ acknowledged the current version of this case</source>
        <translation>Орталық кеңсе бұл істің қазіргі нұсқасын алғанын растады</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Нөмірі</translation>
    </message>
    <message>
        <source>Detained person</source>
        <translation>Ұсталған адам</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Соңғы оқиға</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>HQ</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>Received by HQ: a tick when HQ acknowledged the current version</source>
        <translation>Орталық кеңсе алды: қазіргі нұсқаны алғанын растаса, белгі қойылады</translation>
    </message>
    <message>
        <source>Where the person was detained (first detention event)</source>
        <translation>Адам қай жерде ұсталды (алғашқы ұсталу оқиғасы)</translation>
    </message>
    <message>
        <source>Date of the latest event</source>
        <translation>Соңғы оқиғаның күні</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Тексерілуі</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>Өтініштер</translation>
    </message>
</context>
<context>
    <name>CaseSummary</name>
    <message>
        <source>born {date}</source>
        <translation>туған күні: {date}</translation>
    </message>
    <message>
        <source>{relationship} of {person}</source>
        <translation>туыстығы ({person}): {relationship}</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Оқиғалар:</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>күні белгісіз</translation>
    </message>
    <message>
        <source>Testimony by {person} ({date}, {medium}):</source>
        <translation>Куәлік берген: {person} ({date}, {medium}):</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>күні жоқ</translation>
    </message>
    <message>
        <source>Appeal to {recipient} {date}: {status}</source>
        <translation>Өтініш ({recipient}, {date}): {status}</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Ескертпелер: {notes}</translation>
    </message>
</context>
<context>
    <name>CountdownDialog</name>
    <message>
        <source>Quick delete</source>
        <translation>Жылдам жою</translation>
    </message>
    <message>
        <source>Every case in this vault will be destroyed for ever: the keys are erased, then the files are deleted, and the program closes.

Not reached: copies made elsewhere — exported files and letters (PDF), sync bundles on USB sticks or already sent, backups of the vault folder.</source>
        <translation>Осы қоймадағы барлық іс біржола жойылады: алдымен кілттер өшіріледі, содан кейін файлдар жойылып, бағдарлама жабылады.

Басқа жердегі көшірмелерге әсер етпейді — экспортталған файлдар мен хаттар (PDF), USB жинақтағыштардағы немесе жіберіліп қойған синхрондау пакеттері, қойма қалтасының сақтық көшірмелері.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Erase now</source>
        <translation>Қазір өшіру</translation>
    </message>
    <message numerus="yes">
        <source>Seconds before the vault is erased: %n</source>
        <translation>
            <numerusform>Қойма өшірілгенге дейін қалған секунд: %n</numerusform>
            <numerusform>Қойма өшірілгенге дейін қалған секунд: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong inside Testimony Desk.

Your saved cases are safe in the encrypted vault. Anything not saved yet may be lost: save your work, then close and restart the program.

</source>
        <translation>Testimony Desk ішінде қате орын алды.

Сақталған істер шифрланған қоймада аман. Әлі сақталмаған нәрсе жоғалуы мүмкін: жұмысыңызды сақтаңыз, содан кейін бағдарламаны жауып, қайта іске қосыңыз.

</translation>
    </message>
    <message>
        <source>A technical report without any case data was written to:
{path}
You can send it to your organisation&apos;s technical contact.</source>
        <translation>Іс деректері жоқ техникалық есеп мына жерге жазылды:
{path}
Оны ұйымыңыздың техникалық маманына жіберуге болады.</translation>
    </message>
    <message>
        <source>Testimony Desk</source>
        <translation>Testimony Desk</translation>
    </message>
    <message>
        <source>Testimony Desk is already running with this vault.

Switch to the window that is open (it may be minimised or on another desktop), or close it before starting the program again.</source>
        <translation>Testimony Desk осы қоймамен әлдеқашан іске қосылған.

Ашық терезеге өтіңіз (ол жиырылған немесе басқа жұмыс үстелінде болуы мүмкін) немесе бағдарламаны қайта іске қоспас бұрын оны жабыңыз.</translation>
    </message>
    <message>
        <source>Other users of this computer could read the vault&apos;s files (a copy tool, an archive or a synced folder may have changed their permissions). They are now private to you again:

{details}</source>
        <translation>Осы компьютердің басқа пайдаланушылары қойма файлдарын оқи алатын еді (қатынау құқықтарын көшіру құралы, мұрағат немесе синхрондалатын қалта өзгертуі мүмкін). Енді олар қайтадан тек сізге қолжетімді:

{details}</translation>
    </message>
</context>
<context>
    <name>EdtfField</name>
    <message>
        <source>Year / month / day helper</source>
        <translation>Күнді енгізу: жыл / ай / күн</translation>
    </message>
</context>
<context>
    <name>EdtfHelper</name>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>approximate (~)</source>
        <translation>шамамен (~)</translation>
    </message>
    <message>
        <source>uncertain (?)</source>
        <translation>күмәнді (?)</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Жыл</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Ай</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Күн</translation>
    </message>
</context>
<context>
    <name>EventsField</name>
    <message>
        <source>Add event</source>
        <translation>Оқиға қосу</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Жоғары</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Төмен</translation>
    </message>
    <message>
        <source>Date…</source>
        <translation>Күні…</translation>
    </message>
    <message>
        <source>Year / month / day helper for the selected event&apos;s date</source>
        <translation>Таңдалған оқиғаның күнін енгізу: жыл / ай / күн</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Мекеме</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Ел</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Билік органы</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Айыптар</translation>
    </message>
    <message>
        <source>row {row}: date: {problem}</source>
        <translation>{row}-жол: күні: {problem}</translation>
    </message>
    <message>
        <source>row {row}: country: use a two-letter code such as KZ or CN</source>
        <translation>{row}-жол: ел: KZ немесе CN сияқты екі әріпті кодты жазыңыз</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Create your vault — Testimony Desk</source>
        <translation>Қойманы құру — Testimony Desk</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Бастау</translation>
    </message>
    <message>
        <source>Testimony Desk</source>
        <translation>Testimony Desk</translation>
    </message>
    <message>
        <source>The vault could not be remembered on this computer: {reason}</source>
        <translation>Қойманы осы компьютерде есте сақтау мүмкін болмады: {reason}</translation>
    </message>
</context>
<context>
    <name>FollowUpsDialog</name>
    <message>
        <source>Follow-ups due</source>
        <translation>Еске салу уақыты жетті</translation>
    </message>
    <message>
        <source>Looking for follow-ups that are due…</source>
        <translation>Еске салу уақыты жеткен өтініштер ізделуде…</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Еске салу мерзімі</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Алушы</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Үлгі</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>Хат күні</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <source>{count} follow-ups are due. Double-click one to open its case.</source>
        <translation>Еске салу уақыты жеткендер: {count}. Ісін ашу үшін жолды екі рет басыңыз.</translation>
    </message>
    <message>
        <source>No follow-up is due.</source>
        <translation>Әзірге еске салудың қажеті жоқ.</translation>
    </message>
</context>
<context>
    <name>HistoryField</name>
    <message>
        <source>create</source>
        <translation>құрылды</translation>
    </message>
    <message>
        <source>update</source>
        <translation>өзгертілді</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>жойылды</translation>
    </message>
    <message>
        <source>revision {number}</source>
        <translation>{number}-нұсқа</translation>
    </message>
    <message>
        <source>device {device}</source>
        <translation>құрылғы {device}</translation>
    </message>
</context>
<context>
    <name>LanguageCombo</name>
    <message>
        <source>System default ({language})</source>
        <translation>Жүйедегідей ({language})</translation>
    </message>
</context>
<context>
    <name>LetterComposer</name>
    <message>
        <source>Letter</source>
        <translation>Хат</translation>
    </message>
    <message>
        <source>{name} (address not verified)</source>
        <translation>{name} (мекенжайы тексерілмеген)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Басып шығару…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF ретінде сақтау…</translation>
    </message>
    <message>
        <source>Record as appeal</source>
        <translation>Өтініш ретінде жазу</translation>
    </message>
    <message>
        <source>Add this letter to the case&apos;s appeal log as drafted (with its SHA-256)</source>
        <translation>Бұл хатты істің өтініштер тізіміне жоба ретінде қосу (SHA-256 мәнімен)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Үлгі</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Алушы</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тілі</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Қағаз</translation>
    </message>
    <message>
        <source>Warning: the postal address of this recipient is not verified. Check it on the institution&apos;s own page before sending.</source>
        <translation>Назар аударыңыз: бұл алушының пошта мекенжайы тексерілмеген. Жібермес бұрын оны мекеменің ресми бетінен тексеріңіз.</translation>
    </message>
    <message>
        <source>Composing the letter…</source>
        <translation>Хат құрастырылуда…</translation>
    </message>
    <message>
        <source>Letter {reference}: {pages} pages</source>
        <translation>Хат {reference}, беттер саны: {pages}</translation>
    </message>
    <message>
        <source>This letter cannot be written:</source>
        <translation>Бұл хатты жазу мүмкін емес:</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сақталды: {path}</translation>
    </message>
    <message>
        <source>Print letter</source>
        <translation>Хатты басып шығару</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Хаттар</translation>
    </message>
    <message>
        <source>Printed {pages} pages</source>
        <translation>Басылған беттер: {pages}</translation>
    </message>
    <message>
        <source>Recorded as appeal {reference} (drafted)</source>
        <translation>{reference} өтініші ретінде жазылды (жобасы)</translation>
    </message>
</context>
<context>
    <name>LettersFeature</name>
    <message>
        <source>Appeals</source>
        <translation>Өтініштер</translation>
    </message>
    <message>
        <source>New letter…</source>
        <translation>Жаңа хат…</translation>
    </message>
    <message>
        <source>Batch letters…</source>
        <translation>Бірнеше іске хаттар…</translation>
    </message>
    <message>
        <source>Follow-ups due…</source>
        <translation>Еске салу уақыты жетті…</translation>
    </message>
    <message>
        <source>Import recipients…</source>
        <translation>Алушыларды импорттау…</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Хаттар</translation>
    </message>
    <message>
        <source>Appeal {number} is now {status}</source>
        <translation>{number}-өтініш: енді «{status}»</translation>
    </message>
    <message>
        <source>{count} letters written</source>
        <translation>Жазылған хаттар: {count}</translation>
    </message>
    <message>
        <source>Batch letters</source>
        <translation>Бірнеше іске хаттар</translation>
    </message>
    <message>
        <source>Import recipients</source>
        <translation>Алушыларды импорттау</translation>
    </message>
    <message>
        <source>Recipient files (*.yaml *.yml);;All files (*)</source>
        <translation>Алушылар файлдары (*.yaml *.yml);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>{count} recipients imported into the vault: {ids}</source>
        <translation>Қоймаға импортталған алушылар: {count} ({ids})</translation>
    </message>
    <message>
        <source>Not verified (letters to them show a warning): {ids}</source>
        <translation>Тексерілмеген (оларға жазылған хаттарда ескерту болады): {ids}</translation>
    </message>
    <message>
        <source>{count} recipients imported</source>
        <translation>Импортталған алушылар: {count}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Testimony Desk</source>
        <translation>Testimony Desk</translation>
    </message>
    <message>
        <source>Search names in any script, places, testimonies…</source>
        <translation>Кез келген жазудағы аттар, жерлер, куәліктер бойынша іздеу…</translation>
    </message>
    <message>
        <source>The questionnaire cannot be used:
{error}</source>
        <translation>Сауалнаманы пайдалану мүмкін емес:
{error}</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Түйіндеме</translation>
    </message>
    <message>
        <source>Vault: {folder}</source>
        <translation>Қойма: {folder}</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Негізгі</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Қойма</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Іс</translation>
    </message>
    <message>
        <source>&amp;Letters</source>
        <translation>&amp;Хаттар</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Синхрондау</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Жаңа іс</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Іздеу</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорттау…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Құлыптау</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Баптаулар…</translation>
    </message>
    <message>
        <source>Sync with HQ…</source>
        <translation>Орталық кеңсемен синхрондау…</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>Істер: {count}</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{total} ішінен {shown}</translation>
    </message>
    <message>
        <source>This case has unsaved changes.</source>
        <translation>Бұл істе сақталмаған өзгерістер бар.</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Белгіленген өрістерді түзетіңіз.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сақталуда…</translation>
    </message>
    <message>
        <source>Saved {reference}</source>
        <translation>Сақталды: {reference}</translation>
    </message>
    <message>
        <source>{count} matching cases</source>
        <translation>Табылған істер: {count}</translation>
    </message>
    <message>
        <source>Import cases</source>
        <translation>Істерді импорттау</translation>
    </message>
    <message>
        <source>Case files (*.json *.jsonl *.csv);;All files (*)</source>
        <translation>Іс файлдары (*.json *.jsonl *.csv);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импортталуда…</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} updated, {unchanged} unchanged</source>
        <translation>Импортталды: жаңа — {created}, жаңартылған — {updated}, өзгеріссіз — {unchanged}</translation>
    </message>
    <message>
        <source>The unsaved edits from before the automatic lock are back.</source>
        <translation>Автоматты құлыптауға дейінгі сақталмаған өзгерістер қалпына келтірілді.</translation>
    </message>
    <message>
        <source>The case open in the editor was just changed by an import or a sync. Your unsaved edits are still there; saving them replaces the new version. To see the new version instead, discard your edits and open the case again.</source>
        <translation>Өңдегіште ашық тұрған іс импорт немесе синхрондау арқылы жаңа ғана өзгертілді. Сіздің сақталмаған өзгерістеріңіз орнында; оларды сақтасаңыз, жаңа нұсқаның орнын басады. Жаңа нұсқаны көру үшін өзгерістеріңізден бас тартып, істі қайта ашыңыз.</translation>
    </message>
</context>
<context>
    <name>NamesField</name>
    <message>
        <source>Add name</source>
        <translation>Ат қосу</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Welcome to Testimony Desk</source>
        <translation>Testimony Desk-ке қош келдіңіз</translation>
    </message>
    <message>
        <source>Your records stay encrypted on this computer.</source>
        <translation>Жазбаларыңыз осы компьютерде шифрланған күйде сақталады.</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Міндетті емес</translation>
    </message>
    <message>
        <source>Testimony Desk keeps testimonies, case files and letters in an encrypted vault. This assistant creates the vault: you choose a passphrase, then you receive a recovery key to keep on paper.</source>
        <translation>Testimony Desk куәліктерді, іс материалдарын және хаттарды шифрланған қоймада сақтайды. Бұл көмекші қойманы құрады: сіз құпия фраза таңдайсыз, содан кейін қағазда сақтауға арналған қалпына келтіру кілтін аласыз.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Тіл:</translation>
    </message>
    <message>
        <source>Organisation name:</source>
        <translation>Ұйымның атауы:</translation>
    </message>
    <message>
        <source>The organisation name is printed on letters and stored inside the vault only. You can change it later under Vault › Settings.</source>
        <translation>Ұйымның атауы хаттарда басылады және тек қойманың ішінде сақталады. Оны кейін өзгертуге болады: Қойма › Баптаулар.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>Құпия фраза таңдаңыз</translation>
    </message>
    <message>
        <source>Without the passphrase or the recovery key nobody can open the vault.</source>
        <translation>Құпия фразасыз немесе қалпына келтіру кілтінсіз қойманы ешкім аша алмайды.</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Қойманы құру</translation>
    </message>
    <message>
        <source>Creating the vault… this takes a few seconds.</source>
        <translation>Қойма құрылуда… бұл бірнеше секунд алады.</translation>
    </message>
    <message>
        <source>Use at least {n} characters. Several unrelated words are easy to remember and hard to guess; avoid names, dates and phrases from songs or books.</source>
        <translation>Кемінде {n} таңба пайдаланыңыз. Бір-бірімен байланысы жоқ бірнеше сөзді есте сақтау оңай, ал табу қиын; есімдерді, күндерді және ән не кітап жолдарын пайдаланбаңыз.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Құпия фраза:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Беріктігі:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Қайталаңыз:</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Өте әлсіз</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Әлсіз</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Орташа</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Жақсы</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Берік</translation>
    </message>
    <message>
        <source>Too short: {n} more characters needed.</source>
        <translation>Тым қысқа: тағы {n} таңба қажет.</translation>
    </message>
    <message>
        <source>Too easy to guess. Add another unrelated word or two.</source>
        <translation>Табу тым оңай. Байланысы жоқ тағы бір-екі сөз қосыңыз.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Екі құпия фраза сәйкес келмейді.</translation>
    </message>
    <message>
        <source>Type the passphrase again below.</source>
        <translation>Құпия фразаны төменде қайта жазыңыз.</translation>
    </message>
    <message>
        <source>The passphrase is good.</source>
        <translation>Құпия фраза жарайды.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Zoom out</source>
        <translation>Кішірейту</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Үлкейту</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ені бойынша</translation>
    </message>
    <message>
        <source>Fit the page width</source>
        <translation>Беттің еніне сыйдыру</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Алдыңғы бет</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Келесі бет</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>{count} беттің {page}-і</translation>
    </message>
</context>
<context>
    <name>QuickDelete</name>
    <message>
        <source>Quick delete…</source>
        <translation>Жылдам жою…</translation>
    </message>
    <message>
        <source>Erase this vault for ever after a 5-second countdown (%s)</source>
        <translation>5 секундтық кері санақтан кейін бұл қойманы біржола өшіру (%s)</translation>
    </message>
    <message>
        <source>Testimony Desk</source>
        <translation>Testimony Desk</translation>
    </message>
    <message>
        <source>The keys could not all be erased ({reason}). Delete the vault folder by hand, or run: testimony-desk erase --yes</source>
        <translation>Кілттердің бәрі өшірілмеді ({reason}). Қойма қалтасын қолмен жойыңыз немесе мына пәрменді орындаңыз: testimony-desk erase --yes</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>Қалпына келтіру кілтіңіз</translation>
    </message>
    <message>
        <source>It is shown only now.</source>
        <translation>Ол тек қазір көрсетіледі.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Басып шығару…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF ретінде сақтау…</translation>
    </message>
    <message>
        <source>I have stored the recovery key</source>
        <translation>Қалпына келтіру кілтін сақтап қойдым</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>Осы компьютерде есте сақтау</translation>
    </message>
    <message>
        <source>Opens the vault without the passphrase when you start Testimony Desk, using the system keyring. Anyone who can log in as you can then open it: leave this off on a computer that may be taken.</source>
        <translation>Testimony Desk іске қосылғанда қойма жүйелік кілттер қоймасы арқылы құпия фразасыз ашылады. Сонда сіздің атыңызбен жүйеге кіре алатын кез келген адам оны аша алады: тәркіленуі мүмкін компьютерде мұны қоспаңыз.</translation>
    </message>
    <message>
        <source>“Remember on this computer” is not offered: no secure system keyring is available here, so the vault always asks for the passphrase.</source>
        <translation>«Осы компьютерде есте сақтау» ұсынылмайды: мұнда сенімді жүйелік кілттер қоймасы жоқ, сондықтан қойма әрдайым құпия фразаны сұрайды.</translation>
    </message>
    <message>
        <source>This recovery key opens the vault if the passphrase is forgotten. Print it or write it on paper and keep it away from this computer. Testimony Desk cannot show it again.</source>
        <translation>Құпия фраза ұмытылса, қойманы осы қалпына келтіру кілті ашады. Оны басып шығарыңыз немесе қағазға жазып, осы компьютерден алыс жерде сақтаңыз. Testimony Desk оны қайта көрсете алмайды.</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Қалпына келтіру кілтін басып шығару</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Принтерге жіберілді.</translation>
    </message>
    <message>
        <source>Save the recovery key as PDF</source>
        <translation>Қалпына келтіру кілтін PDF ретінде сақтау</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF құжаттары (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a place outside the vault folder (a USB stick, for example).</source>
        <translation>Қойма қалтасынан тыс орын таңдаңыз (мысалы, USB жинақтағыш).</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сақталды: {path}</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>Testimony Desk — recovery key</source>
        <translation>Testimony Desk — қалпына келтіру кілті</translation>
    </message>
    <message>
        <source>This key opens your Testimony Desk vault if the passphrase is forgotten. Anyone who has it and a copy of the vault can read everything in it.</source>
        <translation>Құпия фраза ұмытылса, бұл кілт сіздің Testimony Desk қоймаңызды ашады. Кілті мен қойманың көшірмесі бар кез келген адам ондағының бәрін оқи алады.</translation>
    </message>
    <message>
        <source>Keep this sheet somewhere safe and away from the computer, for example in a sealed envelope with a person you trust. Do not photograph it.</source>
        <translation>Бұл парақты компьютерден алыс, қауіпсіз жерде сақтаңыз, мысалы, сенімді адамда желімделген конвертте. Оны суретке түсірмеңіз.</translation>
    </message>
    <message>
        <source>Vault created: {date}</source>
        <translation>Қойма құрылған күні: {date}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — Testimony Desk</source>
        <translation>Баптаулар — Testimony Desk</translation>
    </message>
    <message>
        <source>Printed before the date, e.g. Almaty</source>
        <translation>Күннің алдында басылады, мысалы: Алматы</translation>
    </message>
    <message>
        <source>Letters are also signed on behalf of the organisation</source>
        <translation>Хаттарға ұйым атынан да қол қойылады</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>Хат бланкісі</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Ұйым:</translation>
    </message>
    <message>
        <source>Address (one line each):</source>
        <translation>Мекенжайы (әр жолға бір бөлік):</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Байланыс:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Орны:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Логотип:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Never (not recommended)</source>
        <translation>Ешқашан (ұсынылмайды)</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Қазақша</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Орысша</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Ағылшынша</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> МиБ</translation>
    </message>
    <message>
        <source>Show “Quick delete” in the toolbar</source>
        <translation>«Жылдам жою» құралдар тақтасында</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Жұмыс</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>Әрекетсіздіктен кейін құлыптау:</translation>
    </message>
    <message>
        <source>Default letter language:</source>
        <translation>Хаттардың әдепкі тілі:</translation>
    </message>
    <message>
        <source>Largest attachment:</source>
        <translation>Ең үлкен тіркеме:</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Интерфейс тілі:</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Логотипті таңдау</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp)</source>
        <translation>Суреттер (*.png *.jpg *.jpeg *.gif *.bmp)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Логотип жоқ</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Интерфейс тілі</translation>
    </message>
    <message>
        <source>The new interface language is used from the next unlock (Vault › Lock, Ctrl+L) or the next start.</source>
        <translation>Жаңа интерфейс тілі келесі құлыпты ашудан (Қойма › Құлыптау, Ctrl+L) немесе келесі іске қосудан бастап қолданылады.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with headquarters</source>
        <translation>Орталық кеңсемен синхрондау</translation>
    </message>
    <message>
        <source>This HQ vault</source>
        <translation>Бұл — орталық кеңсенің қоймасы</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Бұл құрылғы</translation>
    </message>
    <message>
        <source>Fingerprint (compare it by voice; HQ approves this device with it):</source>
        <translation>Саусақ ізі (оны дауыспен салыстырыңыз; орталық кеңсе осы құрылғыны сол арқылы мақұлдайды):</translation>
    </message>
    <message>
        <source>HQ fingerprint (field workers compare it when they enrol):</source>
        <translation>Орталық кеңсенің саусақ ізі (далалық қызметкерлер тіркелгенде оны салыстырады):</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Enrol HQ key file…</source>
        <translation>Орталық кеңсенің кілт файлын тіркеу…</translation>
    </message>
    <message>
        <source>Send to HQ</source>
        <translation>Орталық кеңсеге жіберу</translation>
    </message>
    <message>
        <source>Show the cases (names)</source>
        <translation>Істерді көрсету (аттары)</translation>
    </message>
    <message>
        <source>Write the bundle to:</source>
        <translation>Пакетті жазатын орын:</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Қалтаны таңдау…</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Пакетті экспорттау</translation>
    </message>
    <message>
        <source>Confirmation from HQ</source>
        <translation>Орталық кеңседен растау</translation>
    </message>
    <message>
        <source>Import HQ acknowledgement…</source>
        <translation>Орталық кеңсенің растауын импорттау…</translation>
    </message>
    <message>
        <source>Removable drive: {path}</source>
        <translation>Алынбалы жинақтағыш: {path}</translation>
    </message>
    <message>
        <source>Write HQ key file…</source>
        <translation>Орталық кеңсенің кілт файлын жазу…</translation>
    </message>
    <message>
        <source>Import bundle files…</source>
        <translation>Пакет файлдарын импорттау…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>Қалтаны импорттау…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорттау</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Саусақ ізі</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Алғаш көрінген</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Пакеттер</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Соңғы пакет</translation>
    </message>
    <message>
        <source>Approve selected device…</source>
        <translation>Таңдалған құрылғыны мақұлдау…</translation>
    </message>
    <message>
        <source>Write acknowledgement…</source>
        <translation>Растауды жазу…</translation>
    </message>
    <message>
        <source>A fingerprint read aloud, e.g. ABCD EFGH …</source>
        <translation>Дауыстап оқылған саусақ ізі, мысалы ABCD EFGH …</translation>
    </message>
    <message>
        <source>Approve this fingerprint</source>
        <translation>Бұл саусақ ізін мақұлдау</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Құрылғылар</translation>
    </message>
    <message>
        <source>A case changed both here and in the field since HQ last merged it. Both versions are kept; the newer one is shown until you choose.</source>
        <translation>Орталық кеңсе соңғы рет біріктіргеннен бері іс мұнда да, далада да өзгертілген. Екі нұсқа да сақталды; сіз таңдағанша жаңасы көрсетіледі.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Құрылғы</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Табылған</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>Қазір көрсетілген</translation>
    </message>
    <message>
        <source>Keep the HQ version</source>
        <translation>Орталық кеңсенің нұсқасын қалдыру</translation>
    </message>
    <message>
        <source>Keep the field version</source>
        <translation>Даладағы нұсқаны қалдыру</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Қайшылықтар</translation>
    </message>
    <message>
        <source>Not enrolled with an HQ yet: ask HQ for its key file, enrol it and compare its fingerprint with HQ by voice.</source>
        <translation>Орталық кеңсе әлі тіркелмеген: одан кілт файлын сұраңыз, оны тіркеп, саусақ ізін орталық кеңсемен дауыспен салыстырыңыз.</translation>
    </message>
    <message>
        <source>Sends to HQ “{name}”, fingerprint {fingerprint}</source>
        <translation>«{name}» орталық кеңсесіне жіберіледі, саусақ ізі {fingerprint}</translation>
    </message>
    <message>
        <source>Bundle #{sequence} will carry {cases} changed case(s) and {attachments} attachment(s) ({size}).</source>
        <translation>№{sequence} пакет: өзгерген істер — {cases}, тіркемелер — {attachments} ({size}).</translation>
    </message>
    <message>
        <source>Nothing to send: no case changed since the last bundle.</source>
        <translation>Жіберетін ештеңе жоқ: соңғы пакеттен бері бірде-бір іс өзгермеген.</translation>
    </message>
    <message>
        <source>{count} changed case(s) are left out: their testimony consent does not allow sharing with HQ.</source>
        <translation>Өзгерген істердің {count}-і қосылмады: куәгердің келісімі оларды орталық кеңсеге беруге рұқсат етпейді.</translation>
    </message>
    <message>
        <source>Last bundle written: #{sequence}.</source>
        <translation>Соңғы жазылған пакет: №{sequence}.</translation>
    </message>
    <message>
        <source>HQ confirmed receiving bundle(s) {numbers}.</source>
        <translation>Орталық кеңсе мына пакеттерді алғанын растады: {numbers}.</translation>
    </message>
    <message>
        <source>No acknowledgement from HQ imported yet.</source>
        <translation>Орталық кеңседен растау әлі импортталмаған.</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>мақұлданған</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>мақұлдауды күтуде</translation>
    </message>
    <message>
        <source>HQ version</source>
        <translation>орталық кеңсенің нұсқасы</translation>
    </message>
    <message>
        <source>field version</source>
        <translation>даладағы нұсқа</translation>
    </message>
    <message>
        <source>Conflicts ({count})</source>
        <translation>Қайшылықтар ({count})</translation>
    </message>
    <message>
        <source>Enrol a new HQ key file…</source>
        <translation>Орталық кеңсенің жаңа кілт файлын тіркеу…</translation>
    </message>
    <message>
        <source>HQ key file</source>
        <translation>Орталық кеңсенің кілт файлы</translation>
    </message>
    <message>
        <source>HQ key (*.json);;All files (*)</source>
        <translation>Орталық кеңсенің кілті (*.json);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Enrol HQ</source>
        <translation>Орталық кеңсені тіркеу</translation>
    </message>
    <message>
        <source>HQ: {name}
Fingerprint:
{fp}

Trust this HQ only if HQ read exactly this fingerprint to you (by voice). Bundles will be encrypted to it.</source>
        <translation>Орталық кеңсе: {name}
Саусақ ізі:
{fp}

Орталық кеңсе сізге дәл осы саусақ ізін (дауыспен) оқып берсе ғана оған сеніңіз. Пакеттер соған арнап шифрланады.</translation>
    </message>
    <message>
        <source>Folder or USB drive for the bundle</source>
        <translation>Пакетке арналған қалта немесе USB жинақтағыш</translation>
    </message>
    <message>
        <source>Bundle #{sequence} written: {cases} case(s), {attachments} attachment(s), {size}.
{path}</source>
        <translation>№{sequence} пакет жазылды: істер — {cases}, тіркемелер — {attachments}, {size}.
{path}</translation>
    </message>
    <message>
        <source>{count} case(s) left out (consent).</source>
        <translation>Қосылмаған істер: {count} (келісім).</translation>
    </message>
    <message>
        <source>Export cancelled: no bundle was written.</source>
        <translation>Экспорт тоқтатылды: пакет жазылмады.</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Экспорт сәтсіз аяқталды: {reason}</translation>
    </message>
    <message>
        <source>HQ acknowledgement</source>
        <translation>Орталық кеңсенің растауы</translation>
    </message>
    <message>
        <source>Acknowledgements (*.tda);;All files (*)</source>
        <translation>Растаулар (*.tda);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>HQ confirmed receiving bundle(s) {numbers}: {count} case(s) newly marked as received by HQ.</source>
        <translation>Орталық кеңсе {numbers} пакеттерін алғанын растады: алынды деп жаңадан белгіленген істер — {count}.</translation>
    </message>
    <message>
        <source>The acknowledgement was not accepted: {reason}</source>
        <translation>Растау қабылданбады: {reason}</translation>
    </message>
    <message>
        <source>Write HQ key file</source>
        <translation>Орталық кеңсенің кілт файлын жазу</translation>
    </message>
    <message>
        <source>HQ key (*.json)</source>
        <translation>Орталық кеңсенің кілті (*.json)</translation>
    </message>
    <message>
        <source>Written. Field workers enrol it and compare this fingerprint with you:
{fp}</source>
        <translation>Жазылды. Далалық қызметкерлер оны тіркеп, осы саусақ ізін сізбен салыстырады:
{fp}</translation>
    </message>
    <message>
        <source>Bundles to import</source>
        <translation>Импорттайтын пакеттер</translation>
    </message>
    <message>
        <source>Bundles (*.tdb);;All files (*)</source>
        <translation>Пакеттер (*.tdb);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Folder with bundles</source>
        <translation>Пакеттер қалтасы</translation>
    </message>
    <message>
        <source>[{i}/{n}] {file}: already imported, nothing changed</source>
        <translation>[{i}/{n}] {file}: бұрын импортталған, ештеңе өзгермеді</translation>
    </message>
    <message>
        <source>[{i}/{n}] {file}: bundle #{sequence} — {created} new, {updated} updated, {unchanged} unchanged, {stale} older, {conflicts} conflict(s), {attachments} attachment(s)</source>
        <translation>[{i}/{n}] {file}: №{sequence} пакет — жаңа: {created}, жаңартылған: {updated}, өзгеріссіз: {unchanged}, ескірген: {stale}, қайшылықтар: {conflicts}, тіркемелер: {attachments}</translation>
    </message>
    <message>
        <source>    {count} reference(s) also used by another device, now shown with the device&apos;s suffix (e.g. {before} → {after})</source>
        <translation>    Басқа құрылғы да қолданатын нөмірлер: {count}; енді олар құрылғының жұрнағымен көрсетіледі (мысалы, {before} → {after})</translation>
    </message>
    <message>
        <source>[{i}/{n}] {file}: REFUSED, nothing from it was imported: device {fp} is not approved yet.</source>
        <translation>[{i}/{n}] {file}: ҚАБЫЛДАНБАДЫ, одан ештеңе импортталмады: {fp} құрылғысы әлі мақұлданбаған.</translation>
    </message>
    <message>
        <source>[{i}/{n}] {file}: REFUSED, nothing from it was imported. {reason}</source>
        <translation>[{i}/{n}] {file}: ҚАБЫЛДАНБАДЫ, одан ештеңе импортталмады. {reason}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импортталуда…</translation>
    </message>
    <message>
        <source>Done: {imported} bundle(s) imported, {refused} refused, {conflicts} new conflict(s).</source>
        <translation>Дайын: импортталған пакеттер — {imported}, қабылданбағаны — {refused}, жаңа қайшылықтар — {conflicts}.</translation>
    </message>
    <message>
        <source>Cancelled: the bundle being read was not imported; bundles listed above as imported are complete.</source>
        <translation>Тоқтатылды: оқылып жатқан пакет импортталмады; жоғарыда импортталды деп көрсетілген пакеттер толық импортталған.</translation>
    </message>
    <message>
        <source>Import stopped: {reason}</source>
        <translation>Импорт тоқтады: {reason}</translation>
    </message>
    <message>
        <source>A bundle came from a device that is not approved. Its fingerprint is
{fp}
Compare it with the field worker&apos;s (they see it in their Sync dialog), approve the device, then import the bundle again.</source>
        <translation>Пакет мақұлданбаған құрылғыдан келді. Оның саусақ ізі:
{fp}
Оны далалық қызметкердің саусақ ізімен салыстырыңыз (ол синхрондау терезесінде көрінеді), құрылғыны мақұлдап, пакетті қайта импорттаңыз.</translation>
    </message>
    <message>
        <source>Approve device {fp}…</source>
        <translation>{fp} құрылғысын мақұлдау…</translation>
    </message>
    <message>
        <source>{count} bundle(s) were refused and nothing from them was imported: see the list above.</source>
        <translation>Қабылданбаған пакеттер: {count}, олардан ештеңе импортталмады — жоғарыдағы тізімді қараңыз.</translation>
    </message>
    <message>
        <source>Approve device</source>
        <translation>Құрылғыны мақұлдау</translation>
    </message>
    <message>
        <source>Approve the device with this fingerprint?

{fp}

Only if the field worker read exactly this to you (by voice, not through the same USB stick).</source>
        <translation>Осы саусақ ізі бар құрылғыны мақұлдайсыз ба?

{fp}

Далалық қызметкер сізге дәл осыны (дауыспен, сол USB жинақтағыш арқылы емес) оқып берсе ғана.</translation>
    </message>
    <message>
        <source>Device {fp} approved.</source>
        <translation>{fp} құрылғысы мақұлданды.</translation>
    </message>
    <message>
        <source>Select a device first.</source>
        <translation>Алдымен құрылғыны таңдаңыз.</translation>
    </message>
    <message>
        <source>Acknowledgement for device {fp}</source>
        <translation>{fp} құрылғысына арналған растау</translation>
    </message>
    <message>
        <source>Acknowledgements (*.tda)</source>
        <translation>Растаулар (*.tda)</translation>
    </message>
    <message>
        <source>Acknowledgement for {fp} written ({count} bundle(s)): {path}</source>
        <translation>{fp} үшін растау жазылды (пакеттер: {count}): {path}</translation>
    </message>
    <message>
        <source>Select a conflict first.</source>
        <translation>Алдымен қайшылықты таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock — Testimony Desk</source>
        <translation>Құлыпты ашу — Testimony Desk</translation>
    </message>
    <message>
        <source>Use the recovery key instead</source>
        <translation>Оның орнына қалпына келтіру кілтін пайдалану</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Құпия фраза:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Тіл:</translation>
    </message>
    <message>
        <source>Opening the vault…</source>
        <translation>Қойма ашылуда…</translation>
    </message>
    <message>
        <source>This vault is locked.</source>
        <translation>Бұл қойма құлыптаулы.</translation>
    </message>
    <message>
        <source>Too many failed attempts: you can try again in {seconds} s.</source>
        <translation>Сәтсіз әрекеттер тым көп: {seconds} с кейін қайталай аласыз.</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Қалпына келтіру кілті:</translation>
    </message>
    <message>
        <source>Type the recovery key first.</source>
        <translation>Алдымен қалпына келтіру кілтін жазыңыз.</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Алдымен құпия фразаны жазыңыз.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Құпия фраза қате.</translation>
    </message>
    <message>
        <source>Wrong recovery key.</source>
        <translation>Қалпына келтіру кілті қате.</translation>
    </message>
    <message>
        <source>The passphrase is needed to open the vault.</source>
        <translation>Қойманы ашу үшін құпия фраза қажет.</translation>
    </message>
</context>
<context>
    <name>UrlsField</name>
    <message>
        <source>line {line}: not an http(s) link</source>
        <translation>{line}-жол: http(s) сілтемесі емес</translation>
    </message>
</context>
<context>
    <name>_NameRow</name>
    <message>
        <source>Script, detected from the letters (ISO 15924)</source>
        <translation>Әріптерден анықталған жазу түрі (ISO 15924)</translation>
    </message>
    <message>
        <source>lang</source>
        <translation>тіл</translation>
    </message>
    <message>
        <source>Language of this name (BCP 47: kk, ru, ug, zh, en)</source>
        <translation>Бұл аттың тілі (BCP 47: kk, ru, ug, zh, en)</translation>
    </message>
    <message>
        <source>Remove this name</source>
        <translation>Бұл атты жою</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>input/output error</source>
        <translation>енгізу-шығару қатесі</translation>
    </message>
    <message>
        <source>The vault could not be written or read ({reason}).</source>
        <translation>Қоймаға жазу немесе оны оқу мүмкін болмады ({reason}).</translation>
    </message>
    <message>
        <source>Unexpected failure ({kind}).</source>
        <translation>Күтпеген ақау ({kind}).</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>not a phone number: use the international format, e.g. {example}</source>
        <translation>телефон нөмірі емес: халықаралық пішімді қолданыңыз, мысалы {example}</translation>
    </message>
    <message>
        <source>not a valid phone number for its country code</source>
        <translation>ел коды бойынша жарамсыз телефон нөмірі</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Testimony Desk</source>
        <translation>Testimony Desk</translation>
    </message>
</context>
<context>
    <name>save_pdf</name>
    <message>
        <source>Save letter as PDF</source>
        <translation>Хатты PDF ретінде сақтау</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF құжаттары (*.pdf)</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Хаттар</translation>
    </message>
    <message>
        <source>A letter is not saved inside the vault folder. Choose another folder.</source>
        <translation>Хатты қойма қалтасына сақтауға болмайды. Басқа қалта таңдаңыз.</translation>
    </message>
</context>
</TS>
