<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ug_CN" sourcelanguage="en">
<context>
    <name>AppealsTab</name>
    <message>
        <source>drafted</source>
        <translation>لايىھە</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>ئەۋەتىلدى</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>تاپشۇرۇۋېلىنغانلىقى دەلىللەندى</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>جاۋاب كەلدى</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>جاۋاب يوق</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>چېسلا</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>تاپشۇرۇۋالغۇچى</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>قېلىپ</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>تىل</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ھالىتى</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>نومۇرى</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>ئەسكەرتىش</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>ئەۋەتىلدى دەپ بەلگىلەش</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>تاپشۇرۇۋېلىنغانلىقى دەلىللەندى</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>جاۋاب يوق</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>جاۋاب كەلدى</translation>
    </message>
    <message>
        <source>The official response, recorded with Answered</source>
        <translation>رەسمىي جاۋاب («جاۋاب كەلدى» كۇنۇپكىسى بىلەن خاتىرىلىنىدۇ)</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>جاۋاب يوق</translation>
    </message>
    <message>
        <source>denial</source>
        <translation>ئىنكار قىلىش</translation>
    </message>
    <message>
        <source>confirmation of detention</source>
        <translation>تۇتۇلغانلىقى دەلىللەندى</translation>
    </message>
    <message>
        <source>release confirmed</source>
        <translation>قويۇپ بېرىلگەنلىكى دەلىللەندى</translation>
    </message>
    <message>
        <source>Notes or the text of the answer (saved with the next status change)</source>
        <translation>ئىزاھات ياكى جاۋابنىڭ تېكىستى (كېيىنكى ھالەت ئۆزگەرگەندە ساقلىنىدۇ)</translation>
    </message>
    <message>
        <source>Follow-up letter…</source>
        <translation>ئەسكەرتىش خېتى…</translation>
    </message>
    <message>
        <source>New letter…</source>
        <translation>يېڭى خەت…</translation>
    </message>
    <message>
        <source>No letter has been recorded for this case yet.</source>
        <translation>بۇ دېلو ئۈچۈن تېخى ھېچقانداق خەت خاتىرىلەنمىدى.</translation>
    </message>
</context>
<context>
    <name>AttachmentsField</name>
    <message>
        <source>Name</source>
        <translation>ھۆججەت نامى</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>تۈرى</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>چوڭلۇقى</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>چېسلا</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>ئىزاھات</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>قوشۇش…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>چىقىرىش…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ئۆچۈرۈش</translation>
    </message>
    <message>
        <source>Save the case first, then add files to it.</source>
        <translation>ئالدى بىلەن دېلونى ساقلاڭ، ئاندىن ئۇنىڭغا ھۆججەت قوشۇڭ.</translation>
    </message>
    <message>
        <source>No files yet. Drop files here or use Add…</source>
        <translation>تېخى ھۆججەت يوق. ھۆججەتلەرنى بۇ يەرگە سۆرەپ تاشلاڭ ياكى «قوشۇش…» نى بېسىڭ.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ۋاز كېچىش</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>قوشۇمچە ھۆججەتلەر</translation>
    </message>
    <message>
        <source>The file is {0}, larger than the limit of {1} per attachment. The limit can be changed in Settings.</source>
        <translation>ھۆججەتنىڭ چوڭلۇقى {0}، بۇ ھەر بىر قوشۇمچە ھۆججەتنىڭ {1} لىق چېكىدىن چوڭ. چەكنى تەڭشەكلەردە ئۆزگەرتكىلى بولىدۇ.</translation>
    </message>
    <message>
        <source>Add files to this case</source>
        <translation>بۇ دېلوغا ھۆججەت قوشۇش</translation>
    </message>
    <message>
        <source>Encrypting into the vault…</source>
        <translation>ئامبارغا شىفىرلىنىۋاتىدۇ…</translation>
    </message>
    <message>
        <source>Encrypting file {0} of {1} into the vault…</source>
        <translation>ئامبارغا شىفىرلىنىۋاتىدۇ: {1} ھۆججەتتىن {0}-سى…</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Some files were not added</source>
        <translation>بەزى ھۆججەتلەر قوشۇلمىدى</translation>
    </message>
    <message>
        <source>Encrypted into the vault. The original is still outside the vault, at:</source>
        <translation>ئامبارغا شىفىرلاندى. ئەسلى ھۆججەت يەنىلا ئامبار سىرتىدا:</translation>
    </message>
    <message>
        <source>Encrypted into the vault. The originals are still outside the vault, at:</source>
        <translation>ئامبارغا شىفىرلاندى. ئەسلى ھۆججەتلەر يەنىلا ئامبار سىرتىدا:</translation>
    </message>
    <message>
        <source>If it must not be found on this computer, delete it securely yourself. Testimony Desk does not delete or change the original.</source>
        <translation>ئەگەر ئۇ بۇ كومپيۇتېردىن تېپىلماسلىقى كېرەك بولسا، ئۇنى ئۆزىڭىز بىخەتەر ئۆچۈرۈڭ. Testimony Desk ئەسلى ھۆججەتنى ئۆچۈرمەيدۇ ۋە ئۆزگەرتمەيدۇ.</translation>
    </message>
    <message>
        <source>Original file kept</source>
        <translation>ئەسلى ھۆججەت ساقلاندى</translation>
    </message>
    <message>
        <source>Cancelled. Nothing of the cancelled file was kept.</source>
        <translation>ۋاز كېچىلدى. ۋاز كېچىلگەن ھۆججەتتىن ھېچنېمە ساقلانمىدى.</translation>
    </message>
    <message>
        <source>Export attachment</source>
        <translation>قوشۇمچە ھۆججەتنى چىقىرىش</translation>
    </message>
    <message>
        <source>Writing the exported file…</source>
        <translation>چىقىرىلغان ھۆججەت يېزىلىۋاتىدۇ…</translation>
    </message>
    <message>
        <source>Attachment exported</source>
        <translation>قوشۇمچە ھۆججەت چىقىرىلدى</translation>
    </message>
    <message>
        <source>An unencrypted copy was written to:

{0}

Delete it securely when it is no longer needed.</source>
        <translation>شىفىرلانمىغان كۆپەيتمە بۇ يەرگە يېزىلدى:

{0}

كېرەك بولمىغاندا ئۇنى بىخەتەر ئۆچۈرۈڭ.</translation>
    </message>
    <message>
        <source>Remove “{0}” from this case? Its encrypted copy is deleted from the vault.</source>
        <translation>«{0}» بۇ دېلودىن ئۆچۈرۈلسۇنمۇ؟ ئۇنىڭ شىفىرلانغان كۆپەيتمىسى ئامباردىن ئۆچۈرۈلىدۇ.</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>قوشۇمچە ھۆججەتنى ئۆچۈرۈش</translation>
    </message>
    <message>
        <source>Loading the preview…</source>
        <translation>ئالدىن كۆرۈنۈش يۈكلىنىۋاتىدۇ…</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>بۇ سۈرەتنى كۆرسەتكىلى بولمايدۇ.</translation>
    </message>
</context>
<context>
    <name>AutoLock</name>
    <message>
        <source>Locks in {time}</source>
        <translation>{time} دىن كېيىن قۇلۇپلىنىدۇ</translation>
    </message>
</context>
<context>
    <name>BatchLettersDialog</name>
    <message>
        <source>Batch letters</source>
        <translation>كۆپ دېلوغا خەت</translation>
    </message>
    <message>
        <source>Automatic (per case)</source>
        <translation>ئاپتوماتىك (ھەر دېلوغا)</translation>
    </message>
    <message>
        <source>Record each letter as a drafted appeal</source>
        <translation>ھەر بىر خەتنى مۇراجىئەت لايىھەسى سۈپىتىدە خاتىرىلەش</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>تاللاش…</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>دېلولار</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>دېلولار: {count}</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>قېلىپ</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>تاپشۇرۇۋالغۇچى</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>تىل</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>قىسقۇچ</translation>
    </message>
    <message>
        <source>Write letters</source>
        <translation>خەتلەرنى يېزىش</translation>
    </message>
    <message>
        <source>Warning: the postal address of this recipient is not verified. Check it on the institution&apos;s own page before sending.</source>
        <translation>دىققەت: بۇ تاپشۇرۇۋالغۇچىنىڭ پوچتا ئادرېسى دەلىللەنمىگەن. ئەۋەتىشتىن بۇرۇن ئۇنى ئورگاننىڭ رەسمىي بېتىدىن تەكشۈرۈڭ.</translation>
    </message>
    <message>
        <source>Folder for the letters</source>
        <translation>خەتلەر ئۈچۈن قىسقۇچ</translation>
    </message>
    <message>
        <source>Writing letters…</source>
        <translation>خەتلەر يېزىلىۋاتىدۇ…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ۋاز كېچىش</translation>
    </message>
    <message>
        <source>Writing letter {done} of {total} ({reference})…</source>
        <translation>{total} خەتتىن {done}-سى يېزىلىۋاتىدۇ ({reference})…</translation>
    </message>
    <message>
        <source>{written} letters written to {folder}.</source>
        <translation>يېزىلغان خەتلەر: {written}. قىسقۇچ: {folder}.</translation>
    </message>
    <message>
        <source>Cancelled: the remaining cases got no letter.</source>
        <translation>ۋاز كېچىلدى: قالغان دېلولارغا خەت يېزىلمىدى.</translation>
    </message>
    <message>
        <source>{count} appeals recorded as drafted.</source>
        <translation>لايىھە سۈپىتىدە خاتىرىلەنگەن مۇراجىئەتلەر: {count}.</translation>
    </message>
    <message>
        <source>Skipped (the letter was refused):</source>
        <translation>ئاتلاپ كېتىلدى (خەتنى يازغىلى بولمىدى):</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… يەنە {count}</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>New case (not saved yet)</source>
        <translation>يېڭى دېلو (تېخى ساقلانمىدى)</translation>
    </message>
    <message>
        <source>Missing for the UN WGEID: {elements}</source>
        <translation>ب د ت WGEID گۇرۇپپىسى ئۈچۈن كەم: {elements}</translation>
    </message>
    <message>
        <source>All UN WGEID minimum elements are present.</source>
        <translation>ب د ت WGEID گۇرۇپپىسى تەلەپ قىلغان ئەڭ ئاز ئۇچۇرلارنىڭ ھەممىسى بار.</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>زۆرۈر</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>Any status</source>
        <translation>ھەرقانداق ھالەت</translation>
    </message>
    <message>
        <source>Any verification</source>
        <translation>ھەرقانداق دەلىللىنىش</translation>
    </message>
    <message>
        <source>Country of detention</source>
        <translation>تۇتۇلغان دۆلىتى</translation>
    </message>
    <message>
        <source>Any country</source>
        <translation>ھەرقانداق دۆلەت</translation>
    </message>
    <message>
        <source>From</source>
        <translation>باشلىنىشى</translation>
    </message>
    <message>
        <source>To</source>
        <translation>ئاخىرى</translation>
    </message>
    <message>
        <source>Date of the latest event: YYYY, YYYY-MM or YYYY-MM-DD. A case is shown when its latest event&apos;s date overlaps the range.</source>
        <translation>ئاخىرقى ۋەقەنىڭ چېسلاسى: YYYY، YYYY-MM ياكى YYYY-MM-DD. ئاخىرقى ۋەقەسىنىڭ چېسلاسى بۇ ئارىلىققا توغرا كەلگەن دېلو كۆرسىتىلىدۇ.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>سۈزگۈچلەرنى تازىلاش</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>HQ acknowledged the current version of this case</source>
        <translation>باش ئىشخانا بۇ دېلونىڭ نۆۋەتتىكى نۇسخىسىنى تاپشۇرۇۋالغانلىقىنى دەلىللىدى</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>نومۇرى</translation>
    </message>
    <message>
        <source>Detained person</source>
        <translation>تۇتۇلغان كىشى</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>ئاخىرقى ۋەقە</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>جاي</translation>
    </message>
    <message>
        <source>HQ</source>
        <translation>باش ئىشخانا</translation>
    </message>
    <message>
        <source>Received by HQ: a tick when HQ acknowledged the current version</source>
        <translation>باش ئىشخانا تاپشۇرۇۋالدى: نۆۋەتتىكى نۇسخىنى تاپشۇرۇۋالغانلىقىنى دەلىللىسە بەلگە قويۇلىدۇ</translation>
    </message>
    <message>
        <source>Where the person was detained (first detention event)</source>
        <translation>كىشى قەيەردە تۇتۇلغان (تۇنجى تۇتۇلۇش ۋەقەسى)</translation>
    </message>
    <message>
        <source>Date of the latest event</source>
        <translation>ئاخىرقى ۋەقەنىڭ چېسلاسى</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ھالىتى</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>دەلىللىنىشى</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>مۇراجىئەتلەر</translation>
    </message>
</context>
<context>
    <name>CaseSummary</name>
    <message>
        <source>born {date}</source>
        <translation>تۇغۇلغان ۋاقتى: {date}</translation>
    </message>
    <message>
        <source>{relationship} of {person}</source>
        <translation>{person} بىلەن تۇغقانچىلىقى: {relationship}</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>ۋەقەلەر:</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>ۋاقتى نامەلۇم</translation>
    </message>
    <message>
        <source>Testimony by {person} ({date}, {medium}):</source>
        <translation>گۇۋاھلىق بەرگۈچى: {person} ({date}، {medium}):</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>چېسلاسىز</translation>
    </message>
    <message>
        <source>Appeal to {recipient} {date}: {status}</source>
        <translation>مۇراجىئەت ({recipient}، {date}): {status}</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>ئىزاھلار: {notes}</translation>
    </message>
</context>
<context>
    <name>CountdownDialog</name>
    <message>
        <source>Quick delete</source>
        <translation>تېز ئۆچۈرۈش</translation>
    </message>
    <message>
        <source>Every case in this vault will be destroyed for ever: the keys are erased, then the files are deleted, and the program closes.

Not reached: copies made elsewhere — exported files and letters (PDF), sync bundles on USB sticks or already sent, backups of the vault folder.</source>
        <translation>بۇ ئامباردىكى بارلىق دېلولار مەڭگۈلۈك يوقىتىلىدۇ: ئالدى بىلەن ئاچقۇچلار ئۆچۈرۈلىدۇ، ئاندىن ھۆججەتلەر ئۆچۈرۈلىدۇ ۋە پروگرامما يېپىلىدۇ.

باشقا جايلاردىكى كۆپەيتمىلەرگە تەسىر يەتمەيدۇ — چىقىرىلغان ھۆججەتلەر ۋە خەتلەر (PDF)، USB دىكى ياكى ئاللىقاچان ئەۋەتىلگەن ماسقەدەملەش بوغچىلىرى، ئامبار قىسقۇچىنىڭ زاپاس نۇسخىلىرى.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ۋاز كېچىش</translation>
    </message>
    <message>
        <source>Erase now</source>
        <translation>ھازىرلا ئۆچۈرۈش</translation>
    </message>
    <message numerus="yes">
        <source>Seconds before the vault is erased: %n</source>
        <translation>
            <numerusform>ئامبار ئۆچۈرۈلۈشكە قالغان سېكۇنت: %n</numerusform>
            <numerusform>ئامبار ئۆچۈرۈلۈشكە قالغان سېكۇنت: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong inside Testimony Desk.

Your saved cases are safe in the encrypted vault. Anything not saved yet may be lost: save your work, then close and restart the program.

</source>
        <translation>Testimony Desk ئىچىدە خاتالىق كۆرۈلدى.

ساقلانغان دېلولار شىفىرلانغان ئامباردا بىخەتەر. تېخى ساقلانمىغانلىرى يوقاپ كېتىشى مۇمكىن: خىزمىتىڭىزنى ساقلاڭ، ئاندىن پروگراممىنى يېپىپ قايتا قوزغىتىڭ.

</translation>
    </message>
    <message>
        <source>A technical report without any case data was written to:
{path}
You can send it to your organisation&apos;s technical contact.</source>
        <translation>دېلو ئۇچۇرى يوق تېخنىكىلىق دوكلات بۇ يەرگە يېزىلدى:
{path}
ئۇنى تەشكىلاتىڭىزنىڭ تېخنىكىلىق خادىمىغا ئەۋەتسىڭىز بولىدۇ.</translation>
    </message>
    <message>
        <source>Testimony Desk</source>
        <translation>Testimony Desk</translation>
    </message>
    <message>
        <source>Testimony Desk is already running with this vault.

Switch to the window that is open (it may be minimised or on another desktop), or close it before starting the program again.</source>
        <translation>Testimony Desk بۇ ئامبار بىلەن ئاللىقاچان ئىجرا بولۇۋاتىدۇ.

ئوچۇق تۇرغان كۆزنەككە ئۆتۈڭ (ئۇ كىچىكلىتىلگەن ياكى باشقا ئۈستەلئۈستىدە بولۇشى مۇمكىن)، ياكى پروگراممىنى قايتا قوزغىتىشتىن بۇرۇن ئۇنى يېپىڭ.</translation>
    </message>
    <message>
        <source>Other users of this computer could read the vault&apos;s files (a copy tool, an archive or a synced folder may have changed their permissions). They are now private to you again:

{details}</source>
        <translation>بۇ كومپيۇتېرنىڭ باشقا ئىشلەتكۈچىلىرى ئامبار ھۆججەتلىرىنى ئوقۇيالايتتى (كۆچۈرۈش قورالى، ئارخىپ ياكى ماسقەدەملىنىدىغان قىسقۇچ ئىجازەتلەرنى ئۆزگەرتىۋەتكەن بولۇشى مۇمكىن). ئەمدى ئۇلار يەنە پەقەت سىزگىلا ئوچۇق:

{details}</translation>
    </message>
</context>
<context>
    <name>EdtfField</name>
    <message>
        <source>Year / month / day helper</source>
        <translation>چېسلا كىرگۈزۈش: يىل / ئاي / كۈن</translation>
    </message>
</context>
<context>
    <name>EdtfHelper</name>
    <message>
        <source>Date</source>
        <translation>چېسلا</translation>
    </message>
    <message>
        <source>approximate (~)</source>
        <translation>تەخمىنىي (~)</translation>
    </message>
    <message>
        <source>uncertain (?)</source>
        <translation>ئېنىق ئەمەس (?)</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>يىل</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ئاي</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>كۈن</translation>
    </message>
</context>
<context>
    <name>EventsField</name>
    <message>
        <source>Add event</source>
        <translation>ۋەقە قوشۇش</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ئۆچۈرۈش</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>يۇقىرى</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>تۆۋەن</translation>
    </message>
    <message>
        <source>Date…</source>
        <translation>چېسلا…</translation>
    </message>
    <message>
        <source>Year / month / day helper for the selected event&apos;s date</source>
        <translation>تاللانغان ۋەقەنىڭ چېسلاسىنى كىرگۈزۈش: يىل / ئاي / كۈن</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>تۈرى</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>چېسلا</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>مۇئەسسەسە</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>جاي</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>دۆلەت</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>ھوقۇق ئورگىنى</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>ئەيىبلەشلەر</translation>
    </message>
    <message>
        <source>row {row}: date: {problem}</source>
        <translation>{row}-قۇر: چېسلا: {problem}</translation>
    </message>
    <message>
        <source>row {row}: country: use a two-letter code such as KZ or CN</source>
        <translation>{row}-قۇر: دۆلەت: KZ ياكى CN دېگەندەك ئىككى ھەرپلىك كود يېزىڭ</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Create your vault — Testimony Desk</source>
        <translation>ئامبىرىڭىزنى قۇرۇش — Testimony Desk</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>باشلاش</translation>
    </message>
    <message>
        <source>Testimony Desk</source>
        <translation>Testimony Desk</translation>
    </message>
    <message>
        <source>The vault could not be remembered on this computer: {reason}</source>
        <translation>ئامبارنى بۇ كومپيۇتېردا ئېسىدە قالدۇرغىلى بولمىدى: {reason}</translation>
    </message>
</context>
<context>
    <name>FollowUpsDialog</name>
    <message>
        <source>Follow-ups due</source>
        <translation>ئەسكەرتىش ۋاقتى كەلگەنلەر</translation>
    </message>
    <message>
        <source>Looking for follow-ups that are due…</source>
        <translation>ئەسكەرتىش ۋاقتى كەلگەن مۇراجىئەتلەر ئىزدىلىۋاتىدۇ…</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>ئەسكەرتىش ۋاقتى</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>دېلو</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>تاپشۇرۇۋالغۇچى</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>قېلىپ</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>خەت چېسلاسى</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ھالىتى</translation>
    </message>
    <message>
        <source>{count} follow-ups are due. Double-click one to open its case.</source>
        <translation>ئەسكەرتىش ۋاقتى كەلگەنلەر: {count}. دېلونى ئېچىش ئۈچۈن قۇرنى قوش چېكىڭ.</translation>
    </message>
    <message>
        <source>No follow-up is due.</source>
        <translation>ھازىرچە ئەسكەرتىش كېرەك ئەمەس.</translation>
    </message>
</context>
<context>
    <name>HistoryField</name>
    <message>
        <source>create</source>
        <translation>قۇرۇلدى</translation>
    </message>
    <message>
        <source>update</source>
        <translation>ئۆزگەرتىلدى</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>ئۆچۈرۈلدى</translation>
    </message>
    <message>
        <source>revision {number}</source>
        <translation>{number}-نەشرى</translation>
    </message>
    <message>
        <source>device {device}</source>
        <translation>ئۈسكۈنە {device}</translation>
    </message>
</context>
<context>
    <name>LanguageCombo</name>
    <message>
        <source>System default ({language})</source>
        <translation>سىستېمىدىكىدەك ({language})</translation>
    </message>
</context>
<context>
    <name>LetterComposer</name>
    <message>
        <source>Letter</source>
        <translation>خەت</translation>
    </message>
    <message>
        <source>{name} (address not verified)</source>
        <translation>{name} (ئادرېسى دەلىللەنمىگەن)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>بېسىش…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF قىلىپ ساقلاش…</translation>
    </message>
    <message>
        <source>Record as appeal</source>
        <translation>مۇراجىئەت سۈپىتىدە خاتىرىلەش</translation>
    </message>
    <message>
        <source>Add this letter to the case&apos;s appeal log as drafted (with its SHA-256)</source>
        <translation>بۇ خەتنى دېلونىڭ مۇراجىئەت خاتىرىسىگە لايىھە سۈپىتىدە قوشۇش (SHA-256 قىممىتى بىلەن)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>قېلىپ</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>تاپشۇرۇۋالغۇچى</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>تىل</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>قەغەز</translation>
    </message>
    <message>
        <source>Warning: the postal address of this recipient is not verified. Check it on the institution&apos;s own page before sending.</source>
        <translation>دىققەت: بۇ تاپشۇرۇۋالغۇچىنىڭ پوچتا ئادرېسى دەلىللەنمىگەن. ئەۋەتىشتىن بۇرۇن ئۇنى ئورگاننىڭ رەسمىي بېتىدىن تەكشۈرۈڭ.</translation>
    </message>
    <message>
        <source>Composing the letter…</source>
        <translation>خەت تۈزۈلۈۋاتىدۇ…</translation>
    </message>
    <message>
        <source>Letter {reference}: {pages} pages</source>
        <translation>خەت {reference}، بەت سانى: {pages}</translation>
    </message>
    <message>
        <source>This letter cannot be written:</source>
        <translation>بۇ خەتنى يازغىلى بولمايدۇ:</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>ساقلاندى: {path}</translation>
    </message>
    <message>
        <source>Print letter</source>
        <translation>خەتنى بېسىش</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>خەتلەر</translation>
    </message>
    <message>
        <source>Printed {pages} pages</source>
        <translation>بېسىلغان بەتلەر: {pages}</translation>
    </message>
    <message>
        <source>Recorded as appeal {reference} (drafted)</source>
        <translation>{reference} مۇراجىئىتى سۈپىتىدە خاتىرىلەندى (لايىھە)</translation>
    </message>
</context>
<context>
    <name>LettersFeature</name>
    <message>
        <source>Appeals</source>
        <translation>مۇراجىئەتلەر</translation>
    </message>
    <message>
        <source>New letter…</source>
        <translation>يېڭى خەت…</translation>
    </message>
    <message>
        <source>Batch letters…</source>
        <translation>كۆپ دېلوغا خەت…</translation>
    </message>
    <message>
        <source>Follow-ups due…</source>
        <translation>ئەسكەرتىش ۋاقتى كەلگەنلەر…</translation>
    </message>
    <message>
        <source>Import recipients…</source>
        <translation>تاپشۇرۇۋالغۇچىلارنى ئەكىرىش…</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>خەتلەر</translation>
    </message>
    <message>
        <source>Appeal {number} is now {status}</source>
        <translation>{number}-مۇراجىئەت: ئەمدى «{status}»</translation>
    </message>
    <message>
        <source>{count} letters written</source>
        <translation>يېزىلغان خەتلەر: {count}</translation>
    </message>
    <message>
        <source>Batch letters</source>
        <translation>كۆپ دېلوغا خەت</translation>
    </message>
    <message>
        <source>Import recipients</source>
        <translation>تاپشۇرۇۋالغۇچىلارنى ئەكىرىش</translation>
    </message>
    <message>
        <source>Recipient files (*.yaml *.yml);;All files (*)</source>
        <translation>تاپشۇرۇۋالغۇچى ھۆججەتلىرى (*.yaml *.yml);;بارلىق ھۆججەتلەر (*)</translation>
    </message>
    <message>
        <source>{count} recipients imported into the vault: {ids}</source>
        <translation>ئامبارغا ئەكىرىلگەن تاپشۇرۇۋالغۇچىلار: {count} ({ids})</translation>
    </message>
    <message>
        <source>Not verified (letters to them show a warning): {ids}</source>
        <translation>دەلىللەنمىگەن (ئۇلارغا يېزىلغان خەتلەردە ئاگاھلاندۇرۇش بولىدۇ): {ids}</translation>
    </message>
    <message>
        <source>{count} recipients imported</source>
        <translation>ئەكىرىلگەن تاپشۇرۇۋالغۇچىلار: {count}</translation>
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
        <translation>ھەرقانداق يېزىقتىكى ئىسىملار، جايلار ۋە گۇۋاھلىقلاردىن ئىزدەش…</translation>
    </message>
    <message>
        <source>The questionnaire cannot be used:
{error}</source>
        <translation>سوئالنامىنى ئىشلەتكىلى بولمايدۇ:
{error}</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>دېلو</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>خۇلاسە</translation>
    </message>
    <message>
        <source>Vault: {folder}</source>
        <translation>ئامبار: {folder}</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>ئاساسىي</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;ئامبار</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;دېلو</translation>
    </message>
    <message>
        <source>&amp;Letters</source>
        <translation>&amp;خەتلەر</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;ماسقەدەملەش</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;ياردەم</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>يېڭى دېلو</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ساقلاش</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>ئىزدەش</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>ئەكىرىش…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>قۇلۇپلاش</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>تەڭشەكلەر…</translation>
    </message>
    <message>
        <source>Sync with HQ…</source>
        <translation>باش ئىشخانا بىلەن ماسقەدەملەش…</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>دېلولار: {count}</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{total} دىن {shown}</translation>
    </message>
    <message>
        <source>This case has unsaved changes.</source>
        <translation>بۇ دېلودا ساقلانمىغان ئۆزگەرتىشلەر بار.</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>بەلگە قويۇلغان بۆلەكلەرنى تۈزىتىڭ.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>ساقلىنىۋاتىدۇ…</translation>
    </message>
    <message>
        <source>Saved {reference}</source>
        <translation>ساقلاندى: {reference}</translation>
    </message>
    <message>
        <source>{count} matching cases</source>
        <translation>تېپىلغان دېلولار: {count}</translation>
    </message>
    <message>
        <source>Import cases</source>
        <translation>دېلولارنى ئەكىرىش</translation>
    </message>
    <message>
        <source>Case files (*.json *.jsonl *.csv);;All files (*)</source>
        <translation>دېلو ھۆججەتلىرى (*.json *.jsonl *.csv);;بارلىق ھۆججەتلەر (*)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>ئەكىرىلىۋاتىدۇ…</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} updated, {unchanged} unchanged</source>
        <translation>ئەكىرىلدى: يېڭى {created}، يېڭىلانغان {updated}، ئۆزگەرمىگەن {unchanged}</translation>
    </message>
    <message>
        <source>The unsaved edits from before the automatic lock are back.</source>
        <translation>ئاپتوماتىك قۇلۇپلىنىشتىن ئىلگىرىكى ساقلانمىغان ئۆزگەرتىشلەر ئەسلىگە كەلتۈرۈلدى.</translation>
    </message>
    <message>
        <source>The case open in the editor was just changed by an import or a sync. Your unsaved edits are still there; saving them replaces the new version. To see the new version instead, discard your edits and open the case again.</source>
        <translation>تەھرىرلىگۈچتە ئوچۇق تۇرغان دېلو ھازىرلا ئەكىرىش ياكى ماسقەدەملەش ئارقىلىق ئۆزگەرتىلدى. ساقلانمىغان ئۆزگەرتىشلىرىڭىز جايىدا؛ ئۇلارنى ساقلىسىڭىز يېڭى نۇسخىنىڭ ئورنىنى ئالىدۇ. يېڭى نۇسخىنى كۆرۈش ئۈچۈن ئۆزگەرتىشلىرىڭىزدىن ۋاز كېچىپ، دېلونى قايتا ئېچىڭ.</translation>
    </message>
</context>
<context>
    <name>NamesField</name>
    <message>
        <source>Add name</source>
        <translation>ئىسىم قوشۇش</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Welcome to Testimony Desk</source>
        <translation>Testimony Desk غا خۇش كەلدىڭىز</translation>
    </message>
    <message>
        <source>Your records stay encrypted on this computer.</source>
        <translation>خاتىرىلىرىڭىز بۇ كومپيۇتېردا شىفىرلانغان ھالدا ساقلىنىدۇ.</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>ئىختىيارىي</translation>
    </message>
    <message>
        <source>Testimony Desk keeps testimonies, case files and letters in an encrypted vault. This assistant creates the vault: you choose a passphrase, then you receive a recovery key to keep on paper.</source>
        <translation>Testimony Desk گۇۋاھلىقلار، دېلو ماتېرىياللىرى ۋە خەتلەرنى شىفىرلانغان ئامباردا ساقلايدۇ. بۇ ياردەمچى ئامبارنى قۇرىدۇ: سىز مەخپىي جۈملە تاللايسىز، ئاندىن قەغەزدە ساقلاش ئۈچۈن ئەسلىگە كەلتۈرۈش ئاچقۇچىغا ئېرىشىسىز.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>تىل:</translation>
    </message>
    <message>
        <source>Organisation name:</source>
        <translation>تەشكىلات نامى:</translation>
    </message>
    <message>
        <source>The organisation name is printed on letters and stored inside the vault only. You can change it later under Vault › Settings.</source>
        <translation>تەشكىلات نامى خەتلەرگە بېسىلىدۇ ۋە پەقەت ئامبار ئىچىدىلا ساقلىنىدۇ. ئۇنى كېيىن ئامبار › تەڭشەكلەر دىن ئۆزگەرتەلەيسىز.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>مەخپىي جۈملە تاللاڭ</translation>
    </message>
    <message>
        <source>Without the passphrase or the recovery key nobody can open the vault.</source>
        <translation>مەخپىي جۈملە ياكى ئەسلىگە كەلتۈرۈش ئاچقۇچى بولمىسا، ئامبارنى ھېچكىم ئاچالمايدۇ.</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>ئامبار قۇرۇش</translation>
    </message>
    <message>
        <source>Creating the vault… this takes a few seconds.</source>
        <translation>ئامبار قۇرۇلۇۋاتىدۇ… بۇ بىرقانچە سېكۇنت ۋاقىت ئالىدۇ.</translation>
    </message>
    <message>
        <source>Use at least {n} characters. Several unrelated words are easy to remember and hard to guess; avoid names, dates and phrases from songs or books.</source>
        <translation>كەم دېگەندە {n} ھەرپ ئىشلىتىڭ. بىر-بىرىگە مۇناسىۋەتسىز بىرقانچە سۆزنى ئېسىدە تۇتۇش ئاسان، تېپىش تەس؛ ئىسىم، چېسلا ۋە ناخشا ياكى كىتابلاردىكى جۈملىلەرنى ئىشلەتمەڭ.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>مەخپىي جۈملە:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>مۇستەھكەملىكى:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>قايتا:</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>بەك ئاجىز</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>ئاجىز</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>ئوتتۇراھال</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>ياخشى</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>مۇستەھكەم</translation>
    </message>
    <message>
        <source>Too short: {n} more characters needed.</source>
        <translation>بەك قىسقا: يەنە {n} ھەرپ كېرەك.</translation>
    </message>
    <message>
        <source>Too easy to guess. Add another unrelated word or two.</source>
        <translation>تېپىش بەك ئاسان. مۇناسىۋەتسىز يەنە بىر-ئىككى سۆز قوشۇڭ.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>ئىككى مەخپىي جۈملە ئوخشىمايدۇ.</translation>
    </message>
    <message>
        <source>Type the passphrase again below.</source>
        <translation>مەخپىي جۈملىنى تۆۋەندە قايتا كىرگۈزۈڭ.</translation>
    </message>
    <message>
        <source>The passphrase is good.</source>
        <translation>مەخپىي جۈملە ماس كېلىدۇ.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Zoom out</source>
        <translation>كىچىكلىتىش</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>چوڭايتىش</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>كەڭلىككە ماسلاش</translation>
    </message>
    <message>
        <source>Fit the page width</source>
        <translation>بەت كەڭلىكىگە ماسلاش</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>ئالدىنقى بەت</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>كېيىنكى بەت</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>{count} بەتتىن {page}-بەت</translation>
    </message>
</context>
<context>
    <name>QuickDelete</name>
    <message>
        <source>Quick delete…</source>
        <translation>تېز ئۆچۈرۈش…</translation>
    </message>
    <message>
        <source>Erase this vault for ever after a 5-second countdown (%s)</source>
        <translation>5 سېكۇنتلۇق تەتۈر ساناقتىن كېيىن بۇ ئامبارنى مەڭگۈلۈك ئۆچۈرۈش (%s)</translation>
    </message>
    <message>
        <source>Testimony Desk</source>
        <translation>Testimony Desk</translation>
    </message>
    <message>
        <source>The keys could not all be erased ({reason}). Delete the vault folder by hand, or run: testimony-desk erase --yes</source>
        <translation>ئاچقۇچلارنىڭ ھەممىسىنى ئۆچۈرگىلى بولمىدى ({reason}). ئامبار قىسقۇچىنى قولدا ئۆچۈرۈڭ ياكى مۇنۇ بۇيرۇقنى ئىجرا قىلىڭ: testimony-desk erase --yes</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>ئەسلىگە كەلتۈرۈش ئاچقۇچىڭىز</translation>
    </message>
    <message>
        <source>It is shown only now.</source>
        <translation>ئۇ پەقەت ھازىرلا كۆرسىتىلىدۇ.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>بېسىش…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF قىلىپ ساقلاش…</translation>
    </message>
    <message>
        <source>I have stored the recovery key</source>
        <translation>ئەسلىگە كەلتۈرۈش ئاچقۇچىنى ساقلىۋالدىم</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>بۇ كومپيۇتېردا ئېسىدە قالدۇرۇش</translation>
    </message>
    <message>
        <source>Opens the vault without the passphrase when you start Testimony Desk, using the system keyring. Anyone who can log in as you can then open it: leave this off on a computer that may be taken.</source>
        <translation>Testimony Desk قوزغىتىلغاندا ئامبار سىستېمىنىڭ ئاچقۇچ ساقلىغۇچى ئارقىلىق مەخپىي جۈملىسىز ئېچىلىدۇ. ئۇ چاغدا سىزنىڭ نامىڭىزدا سىستېمىغا كىرەلەيدىغان ھەرقانداق كىشى ئۇنى ئاچالايدۇ: تارتىۋېلىنىشى مۇمكىن بولغان كومپيۇتېردا بۇنى ئاچماڭ.</translation>
    </message>
    <message>
        <source>“Remember on this computer” is not offered: no secure system keyring is available here, so the vault always asks for the passphrase.</source>
        <translation>«بۇ كومپيۇتېردا ئېسىدە قالدۇرۇش» تەمىنلەنمەيدۇ: بۇ يەردە بىخەتەر سىستېما ئاچقۇچ ساقلىغۇچى يوق، شۇڭا ئامبار ھەر قېتىم مەخپىي جۈملە سورايدۇ.</translation>
    </message>
    <message>
        <source>This recovery key opens the vault if the passphrase is forgotten. Print it or write it on paper and keep it away from this computer. Testimony Desk cannot show it again.</source>
        <translation>مەخپىي جۈملە ئۇنتۇلۇپ قالسا، بۇ ئاچقۇچ ئامبارنى ئاچىدۇ. ئۇنى بېسىپ چىقىرىڭ ياكى قەغەزگە يېزىپ، بۇ كومپيۇتېردىن يىراق يەردە ساقلاڭ. Testimony Desk ئۇنى قايتا كۆرسىتەلمەيدۇ.</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>ئەسلىگە كەلتۈرۈش ئاچقۇچىنى بېسىش</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>پرىنتېرغا ئەۋەتىلدى.</translation>
    </message>
    <message>
        <source>Save the recovery key as PDF</source>
        <translation>ئەسلىگە كەلتۈرۈش ئاچقۇچىنى PDF قىلىپ ساقلاش</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF ھۆججەتلىرى (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a place outside the vault folder (a USB stick, for example).</source>
        <translation>ئامبار قىسقۇچىنىڭ سىرتىدىن ئورۇن تاللاڭ (مەسىلەن، USB دىسكا).</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>ساقلاندى: {path}</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>Testimony Desk — recovery key</source>
        <translation>Testimony Desk — ئەسلىگە كەلتۈرۈش ئاچقۇچى</translation>
    </message>
    <message>
        <source>This key opens your Testimony Desk vault if the passphrase is forgotten. Anyone who has it and a copy of the vault can read everything in it.</source>
        <translation>مەخپىي جۈملە ئۇنتۇلۇپ قالسا، بۇ ئاچقۇچ Testimony Desk ئامبىرىڭىزنى ئاچىدۇ. ئاچقۇچ ۋە ئامبارنىڭ كۆپەيتمىسى قولىدا بار ھەرقانداق كىشى ئۇنىڭدىكى ھەممە نەرسىنى ئوقۇيالايدۇ.</translation>
    </message>
    <message>
        <source>Keep this sheet somewhere safe and away from the computer, for example in a sealed envelope with a person you trust. Do not photograph it.</source>
        <translation>بۇ ۋاراقنى كومپيۇتېردىن يىراق، بىخەتەر جايدا ساقلاڭ، مەسىلەن ئىشەنچلىك بىر كىشىنىڭ قولىدىكى پېچەتلەنگەن كونۋېرتتا. ئۇنى رەسىمگە تارتماڭ.</translation>
    </message>
    <message>
        <source>Vault created: {date}</source>
        <translation>ئامبار قۇرۇلغان ۋاقىت: {date}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — Testimony Desk</source>
        <translation>تەڭشەكلەر — Testimony Desk</translation>
    </message>
    <message>
        <source>Printed before the date, e.g. Almaty</source>
        <translation>چېسلادىن ئىلگىرى بېسىلىدۇ، مەسىلەن: ئالمۇتا</translation>
    </message>
    <message>
        <source>Letters are also signed on behalf of the organisation</source>
        <translation>خەتلەرگە تەشكىلات نامىدىنمۇ ئىمزا قويۇلىدۇ</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>تاللاش…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ئۆچۈرۈش</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>خەت بېشى</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>تەشكىلات:</translation>
    </message>
    <message>
        <source>Address (one line each):</source>
        <translation>ئادرېس (ھەر قۇرغا بىر قىسمى):</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>ئالاقە:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>جاي:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>بەلگە:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> مىنۇت</translation>
    </message>
    <message>
        <source>Never (not recommended)</source>
        <translation>ھەرگىز (تەۋسىيە قىلىنمايدۇ)</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>قازاقچە</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>رۇسچە</translation>
    </message>
    <message>
        <source>English</source>
        <translation>ئىنگلىزچە</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Show “Quick delete” in the toolbar</source>
        <translation>«تېز ئۆچۈرۈش» قورال بالدىقىدا</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>خىزمەت</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>ھەرىكەتسىز قالغاندىن كېيىن قۇلۇپلاش:</translation>
    </message>
    <message>
        <source>Default letter language:</source>
        <translation>خەتنىڭ كۆڭۈلدىكى تىلى:</translation>
    </message>
    <message>
        <source>Largest attachment:</source>
        <translation>ئەڭ چوڭ قوشۇمچە ھۆججەت:</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>كۆرۈنمە يۈز تىلى:</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>بەلگە تاللاش</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp)</source>
        <translation>رەسىملەر (*.png *.jpg *.jpeg *.gif *.bmp)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>بەلگە يوق</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>كۆرۈنمە يۈز تىلى</translation>
    </message>
    <message>
        <source>The new interface language is used from the next unlock (Vault › Lock, Ctrl+L) or the next start.</source>
        <translation>يېڭى كۆرۈنمە يۈز تىلى كېيىنكى قېتىم قۇلۇپ ئېچىلغاندا (ئامبار › قۇلۇپلاش، Ctrl+L) ياكى كېيىنكى قېتىم قوزغىتىلغاندا ئىشلىتىلىدۇ.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with headquarters</source>
        <translation>باش ئىشخانا بىلەن ماسقەدەملەش</translation>
    </message>
    <message>
        <source>This HQ vault</source>
        <translation>بۇ باش ئىشخانىنىڭ ئامبىرى</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>بۇ ئۈسكۈنە</translation>
    </message>
    <message>
        <source>Fingerprint (compare it by voice; HQ approves this device with it):</source>
        <translation>بارماق ئىزى (ئۇنى ئاۋاز ئارقىلىق سېلىشتۇرۇڭ؛ باش ئىشخانا بۇ ئۈسكۈنىنى شۇ ئارقىلىق تەستىقلايدۇ):</translation>
    </message>
    <message>
        <source>HQ fingerprint (field workers compare it when they enrol):</source>
        <translation>باش ئىشخانىنىڭ بارماق ئىزى (مەيدان خادىملىرى تىزىملاتقاندا ئۇنى سېلىشتۇرىدۇ):</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ۋاز كېچىش</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>تاقاش</translation>
    </message>
    <message>
        <source>Enrol HQ key file…</source>
        <translation>باش ئىشخانىنىڭ ئاچقۇچ ھۆججىتىنى تىزىملاش…</translation>
    </message>
    <message>
        <source>Send to HQ</source>
        <translation>باش ئىشخانىغا ئەۋەتىش</translation>
    </message>
    <message>
        <source>Show the cases (names)</source>
        <translation>دېلولارنى كۆرسىتىش (ئىسىملار)</translation>
    </message>
    <message>
        <source>Write the bundle to:</source>
        <translation>بوغچىنى يازىدىغان ئورۇن:</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>قىسقۇچ تاللاش…</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>بوغچىنى چىقىرىش</translation>
    </message>
    <message>
        <source>Confirmation from HQ</source>
        <translation>باش ئىشخانىدىن جەزملەش</translation>
    </message>
    <message>
        <source>Import HQ acknowledgement…</source>
        <translation>باش ئىشخانىنىڭ تاپشۇرۇۋالغانلىق ئىسپاتىنى ئەكىرىش…</translation>
    </message>
    <message>
        <source>Removable drive: {path}</source>
        <translation>يۆتكىلىشچان دىسكا: {path}</translation>
    </message>
    <message>
        <source>Write HQ key file…</source>
        <translation>باش ئىشخانىنىڭ ئاچقۇچ ھۆججىتىنى يېزىش…</translation>
    </message>
    <message>
        <source>Import bundle files…</source>
        <translation>بوغچا ھۆججەتلىرىنى ئەكىرىش…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>قىسقۇچنى ئەكىرىش…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>ئەكىرىش</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>بارماق ئىزى</translation>
    </message>
    <message>
        <source>State</source>
        <translation>ھالىتى</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>تۇنجى كۆرۈلگەن</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>بوغچىلار</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>ئاخىرقى بوغچا</translation>
    </message>
    <message>
        <source>Approve selected device…</source>
        <translation>تاللانغان ئۈسكۈنىنى تەستىقلاش…</translation>
    </message>
    <message>
        <source>Write acknowledgement…</source>
        <translation>تاپشۇرۇۋالغانلىق ئىسپاتىنى يېزىش…</translation>
    </message>
    <message>
        <source>A fingerprint read aloud, e.g. ABCD EFGH …</source>
        <translation>ئاۋاز چىقىرىپ ئوقۇلغان بارماق ئىزى، مەسىلەن ABCD EFGH …</translation>
    </message>
    <message>
        <source>Approve this fingerprint</source>
        <translation>بۇ بارماق ئىزىنى تەستىقلاش</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>ئۈسكۈنىلەر</translation>
    </message>
    <message>
        <source>A case changed both here and in the field since HQ last merged it. Both versions are kept; the newer one is shown until you choose.</source>
        <translation>باش ئىشخانا ئاخىرقى قېتىم بىرلەشتۈرگەندىن بۇيان دېلو بۇ يەردىمۇ، مەيداندىمۇ ئۆزگەرتىلگەن. ئىككى نۇسخا ساقلاندى؛ سىز تاللىغۇچە يېڭىسى كۆرسىتىلىدۇ.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>دېلو</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>ئۈسكۈنە</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>بوغچا</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>بايقالغان</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>ھازىر كۆرسىتىلىۋاتقىنى</translation>
    </message>
    <message>
        <source>Keep the HQ version</source>
        <translation>باش ئىشخانىنىڭ نۇسخىسىنى قالدۇرۇش</translation>
    </message>
    <message>
        <source>Keep the field version</source>
        <translation>مەيداندىكى نۇسخىنى قالدۇرۇش</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>توقۇنۇشلار</translation>
    </message>
    <message>
        <source>Not enrolled with an HQ yet: ask HQ for its key file, enrol it and compare its fingerprint with HQ by voice.</source>
        <translation>تېخى باش ئىشخانىغا تىزىملاتمىدىڭىز: باش ئىشخانىدىن ئاچقۇچ ھۆججىتىنى سوراپ، ئۇنى تىزىملاڭ ۋە بارماق ئىزىنى باش ئىشخانا بىلەن ئاۋاز ئارقىلىق سېلىشتۇرۇڭ.</translation>
    </message>
    <message>
        <source>Sends to HQ “{name}”, fingerprint {fingerprint}</source>
        <translation>«{name}» باش ئىشخانىسىغا ئەۋەتىلىدۇ، بارماق ئىزى {fingerprint}</translation>
    </message>
    <message>
        <source>Bundle #{sequence} will carry {cases} changed case(s) and {attachments} attachment(s) ({size}).</source>
        <translation>{sequence}-بوغچا: ئۆزگەرگەن دېلولار — {cases}، قوشۇمچە ھۆججەتلەر — {attachments} ({size}).</translation>
    </message>
    <message>
        <source>Nothing to send: no case changed since the last bundle.</source>
        <translation>ئەۋەتىدىغان نەرسە يوق: ئاخىرقى بوغچىدىن بۇيان ھېچقانداق دېلو ئۆزگەرمىگەن.</translation>
    </message>
    <message>
        <source>{count} changed case(s) are left out: their testimony consent does not allow sharing with HQ.</source>
        <translation>ئۆزگەرگەن دېلولاردىن {count} سى قوشۇلمىدى: گۇۋاھچىنىڭ رازىلىقى ئۇلارنى باش ئىشخانىغا بېرىشكە يول قويمايدۇ.</translation>
    </message>
    <message>
        <source>Last bundle written: #{sequence}.</source>
        <translation>ئاخىرقى يېزىلغان بوغچا: №{sequence}.</translation>
    </message>
    <message>
        <source>HQ confirmed receiving bundle(s) {numbers}.</source>
        <translation>باش ئىشخانا بۇ بوغچىلارنى تاپشۇرۇۋالغانلىقىنى جەزملىدى: {numbers}.</translation>
    </message>
    <message>
        <source>No acknowledgement from HQ imported yet.</source>
        <translation>باش ئىشخانىدىن تېخى تاپشۇرۇۋالغانلىق ئىسپاتى ئەكىرىلمىدى.</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>تەستىقلانغان</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>تەستىق كۈتۈۋاتىدۇ</translation>
    </message>
    <message>
        <source>HQ version</source>
        <translation>باش ئىشخانىنىڭ نۇسخىسى</translation>
    </message>
    <message>
        <source>field version</source>
        <translation>مەيداندىكى نۇسخا</translation>
    </message>
    <message>
        <source>Conflicts ({count})</source>
        <translation>توقۇنۇشلار ({count})</translation>
    </message>
    <message>
        <source>Enrol a new HQ key file…</source>
        <translation>باش ئىشخانىنىڭ يېڭى ئاچقۇچ ھۆججىتىنى تىزىملاش…</translation>
    </message>
    <message>
        <source>HQ key file</source>
        <translation>باش ئىشخانىنىڭ ئاچقۇچ ھۆججىتى</translation>
    </message>
    <message>
        <source>HQ key (*.json);;All files (*)</source>
        <translation>باش ئىشخانىنىڭ ئاچقۇچى (*.json);;بارلىق ھۆججەتلەر (*)</translation>
    </message>
    <message>
        <source>Enrol HQ</source>
        <translation>باش ئىشخانىنى تىزىملاش</translation>
    </message>
    <message>
        <source>HQ: {name}
Fingerprint:
{fp}

Trust this HQ only if HQ read exactly this fingerprint to you (by voice). Bundles will be encrypted to it.</source>
        <translation>باش ئىشخانا: {name}
بارماق ئىزى:
{fp}

باش ئىشخانا سىزگە دەل مۇشۇ بارماق ئىزىنى (ئاۋاز ئارقىلىق) ئوقۇپ بەرگەن بولسىلا ئۇنىڭغا ئىشىنىڭ. بوغچىلار ئۇنىڭ ئۈچۈن شىفىرلىنىدۇ.</translation>
    </message>
    <message>
        <source>Folder or USB drive for the bundle</source>
        <translation>بوغچا ئۈچۈن قىسقۇچ ياكى USB دىسكا</translation>
    </message>
    <message>
        <source>Bundle #{sequence} written: {cases} case(s), {attachments} attachment(s), {size}.
{path}</source>
        <translation>{sequence}-بوغچا يېزىلدى: دېلولار — {cases}، قوشۇمچە ھۆججەتلەر — {attachments}، {size}.
{path}</translation>
    </message>
    <message>
        <source>{count} case(s) left out (consent).</source>
        <translation>قوشۇلمىغان دېلولار: {count} (رازىلىق).</translation>
    </message>
    <message>
        <source>Export cancelled: no bundle was written.</source>
        <translation>چىقىرىشتىن ۋاز كېچىلدى: بوغچا يېزىلمىدى.</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>چىقىرىش مەغلۇپ بولدى: {reason}</translation>
    </message>
    <message>
        <source>HQ acknowledgement</source>
        <translation>باش ئىشخانىنىڭ تاپشۇرۇۋالغانلىق ئىسپاتى</translation>
    </message>
    <message>
        <source>Acknowledgements (*.tda);;All files (*)</source>
        <translation>تاپشۇرۇۋالغانلىق ئىسپاتلىرى (*.tda);;بارلىق ھۆججەتلەر (*)</translation>
    </message>
    <message>
        <source>HQ confirmed receiving bundle(s) {numbers}: {count} case(s) newly marked as received by HQ.</source>
        <translation>باش ئىشخانا {numbers} بوغچىلىرىنى تاپشۇرۇۋالغانلىقىنى جەزملىدى: تاپشۇرۇۋېلىندى دەپ يېڭىدىن بەلگىلەنگەن دېلولار — {count}.</translation>
    </message>
    <message>
        <source>The acknowledgement was not accepted: {reason}</source>
        <translation>تاپشۇرۇۋالغانلىق ئىسپاتى قوبۇل قىلىنمىدى: {reason}</translation>
    </message>
    <message>
        <source>Write HQ key file</source>
        <translation>باش ئىشخانىنىڭ ئاچقۇچ ھۆججىتىنى يېزىش</translation>
    </message>
    <message>
        <source>HQ key (*.json)</source>
        <translation>باش ئىشخانىنىڭ ئاچقۇچى (*.json)</translation>
    </message>
    <message>
        <source>Written. Field workers enrol it and compare this fingerprint with you:
{fp}</source>
        <translation>يېزىلدى. مەيدان خادىملىرى ئۇنى تىزىملاپ، بۇ بارماق ئىزىنى سىز بىلەن سېلىشتۇرىدۇ:
{fp}</translation>
    </message>
    <message>
        <source>Bundles to import</source>
        <translation>ئەكىرىلىدىغان بوغچىلار</translation>
    </message>
    <message>
        <source>Bundles (*.tdb);;All files (*)</source>
        <translation>بوغچىلار (*.tdb);;بارلىق ھۆججەتلەر (*)</translation>
    </message>
    <message>
        <source>Folder with bundles</source>
        <translation>بوغچىلار قىسقۇچى</translation>
    </message>
    <message>
        <source>[{i}/{n}] {file}: already imported, nothing changed</source>
        <translation>[{i}/{n}] {file}: ئاللىقاچان ئەكىرىلگەن، ھېچنېمە ئۆزگەرمىدى</translation>
    </message>
    <message>
        <source>[{i}/{n}] {file}: bundle #{sequence} — {created} new, {updated} updated, {unchanged} unchanged, {stale} older, {conflicts} conflict(s), {attachments} attachment(s)</source>
        <translation>[{i}/{n}] {file}: {sequence}-بوغچا — يېڭى: {created}، يېڭىلانغان: {updated}، ئۆزگەرمىگەن: {unchanged}، كونىراق: {stale}، توقۇنۇش: {conflicts}، قوشۇمچە ھۆججەت: {attachments}</translation>
    </message>
    <message>
        <source>    {count} reference(s) also used by another device, now shown with the device&apos;s suffix (e.g. {before} → {after})</source>
        <translation>    باشقا ئۈسكۈنىمۇ ئىشلىتىدىغان نومۇرلار: {count}؛ ئەمدى ئۇلار ئۈسكۈنىنىڭ قوشۇمچىسى بىلەن كۆرسىتىلىدۇ (مەسىلەن، {before} → {after})</translation>
    </message>
    <message>
        <source>[{i}/{n}] {file}: REFUSED, nothing from it was imported: device {fp} is not approved yet.</source>
        <translation>[{i}/{n}] {file}: رەت قىلىندى، ئۇنىڭدىن ھېچنېمە ئەكىرىلمىدى: {fp} ئۈسكۈنىسى تېخى تەستىقلانمىغان.</translation>
    </message>
    <message>
        <source>[{i}/{n}] {file}: REFUSED, nothing from it was imported. {reason}</source>
        <translation>[{i}/{n}] {file}: رەت قىلىندى، ئۇنىڭدىن ھېچنېمە ئەكىرىلمىدى. {reason}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>ئەكىرىلىۋاتىدۇ…</translation>
    </message>
    <message>
        <source>Done: {imported} bundle(s) imported, {refused} refused, {conflicts} new conflict(s).</source>
        <translation>تامام: ئەكىرىلگەن بوغچىلار — {imported}، رەت قىلىنغىنى — {refused}، يېڭى توقۇنۇشلار — {conflicts}.</translation>
    </message>
    <message>
        <source>Cancelled: the bundle being read was not imported; bundles listed above as imported are complete.</source>
        <translation>ۋاز كېچىلدى: ئوقۇلۇۋاتقان بوغچا ئەكىرىلمىدى؛ يۇقىرىدا ئەكىرىلدى دەپ كۆرسىتىلگەن بوغچىلار تولۇق ئەكىرىلگەن.</translation>
    </message>
    <message>
        <source>Import stopped: {reason}</source>
        <translation>ئەكىرىش توختىدى: {reason}</translation>
    </message>
    <message>
        <source>A bundle came from a device that is not approved. Its fingerprint is
{fp}
Compare it with the field worker&apos;s (they see it in their Sync dialog), approve the device, then import the bundle again.</source>
        <translation>بوغچا تەستىقلانمىغان ئۈسكۈنىدىن كەلدى. ئۇنىڭ بارماق ئىزى:
{fp}
ئۇنى مەيدان خادىمىنىڭكى بىلەن سېلىشتۇرۇڭ (ئۇ ماسقەدەملەش كۆزنىكىدە كۆرۈنىدۇ)، ئۈسكۈنىنى تەستىقلاپ، بوغچىنى قايتا ئەكىرىڭ.</translation>
    </message>
    <message>
        <source>Approve device {fp}…</source>
        <translation>{fp} ئۈسكۈنىسىنى تەستىقلاش…</translation>
    </message>
    <message>
        <source>{count} bundle(s) were refused and nothing from them was imported: see the list above.</source>
        <translation>رەت قىلىنغان بوغچىلار: {count}، ئۇلاردىن ھېچنېمە ئەكىرىلمىدى — يۇقىرىدىكى تىزىملىككە قاراڭ.</translation>
    </message>
    <message>
        <source>Approve device</source>
        <translation>ئۈسكۈنىنى تەستىقلاش</translation>
    </message>
    <message>
        <source>Approve the device with this fingerprint?

{fp}

Only if the field worker read exactly this to you (by voice, not through the same USB stick).</source>
        <translation>بۇ بارماق ئىزى بار ئۈسكۈنە تەستىقلانسۇنمۇ؟

{fp}

مەيدان خادىمى سىزگە دەل مۇشۇنى (ئوخشاش USB دىسكا ئارقىلىق ئەمەس، ئاۋاز ئارقىلىق) ئوقۇپ بەرگەن بولسىلا.</translation>
    </message>
    <message>
        <source>Device {fp} approved.</source>
        <translation>{fp} ئۈسكۈنىسى تەستىقلاندى.</translation>
    </message>
    <message>
        <source>Select a device first.</source>
        <translation>ئالدى بىلەن ئۈسكۈنە تاللاڭ.</translation>
    </message>
    <message>
        <source>Acknowledgement for device {fp}</source>
        <translation>{fp} ئۈسكۈنىسى ئۈچۈن تاپشۇرۇۋالغانلىق ئىسپاتى</translation>
    </message>
    <message>
        <source>Acknowledgements (*.tda)</source>
        <translation>تاپشۇرۇۋالغانلىق ئىسپاتلىرى (*.tda)</translation>
    </message>
    <message>
        <source>Acknowledgement for {fp} written ({count} bundle(s)): {path}</source>
        <translation>{fp} ئۈچۈن تاپشۇرۇۋالغانلىق ئىسپاتى يېزىلدى (بوغچىلار: {count}): {path}</translation>
    </message>
    <message>
        <source>Select a conflict first.</source>
        <translation>ئالدى بىلەن توقۇنۇش تاللاڭ.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock — Testimony Desk</source>
        <translation>قۇلۇپنى ئېچىش — Testimony Desk</translation>
    </message>
    <message>
        <source>Use the recovery key instead</source>
        <translation>ئۇنىڭ ئورنىغا ئەسلىگە كەلتۈرۈش ئاچقۇچىنى ئىشلىتىش</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>مەخپىي جۈملە:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>تىل:</translation>
    </message>
    <message>
        <source>Opening the vault…</source>
        <translation>ئامبار ئېچىلىۋاتىدۇ…</translation>
    </message>
    <message>
        <source>This vault is locked.</source>
        <translation>بۇ ئامبار قۇلۇپلانغان.</translation>
    </message>
    <message>
        <source>Too many failed attempts: you can try again in {seconds} s.</source>
        <translation>مەغلۇپ بولغان سىناقلار بەك كۆپ: {seconds} سېكۇنتتىن كېيىن قايتا سىناڭ.</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>ئەسلىگە كەلتۈرۈش ئاچقۇچى:</translation>
    </message>
    <message>
        <source>Type the recovery key first.</source>
        <translation>ئالدى بىلەن ئەسلىگە كەلتۈرۈش ئاچقۇچىنى كىرگۈزۈڭ.</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>ئالدى بىلەن مەخپىي جۈملىنى كىرگۈزۈڭ.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>مەخپىي جۈملە خاتا.</translation>
    </message>
    <message>
        <source>Wrong recovery key.</source>
        <translation>ئەسلىگە كەلتۈرۈش ئاچقۇچى خاتا.</translation>
    </message>
    <message>
        <source>The passphrase is needed to open the vault.</source>
        <translation>ئامبارنى ئېچىش ئۈچۈن مەخپىي جۈملە كېرەك.</translation>
    </message>
</context>
<context>
    <name>UrlsField</name>
    <message>
        <source>line {line}: not an http(s) link</source>
        <translation>{line}-قۇر: http(s) ئۇلانمىسى ئەمەس</translation>
    </message>
</context>
<context>
    <name>_NameRow</name>
    <message>
        <source>Script, detected from the letters (ISO 15924)</source>
        <translation>ھەرپلەردىن بايقالغان يېزىق (ISO 15924)</translation>
    </message>
    <message>
        <source>lang</source>
        <translation>تىل</translation>
    </message>
    <message>
        <source>Language of this name (BCP 47: kk, ru, ug, zh, en)</source>
        <translation>بۇ ئىسىمنىڭ تىلى (BCP 47: kk, ru, ug, zh, en)</translation>
    </message>
    <message>
        <source>Remove this name</source>
        <translation>بۇ ئىسىمنى ئۆچۈرۈش</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>input/output error</source>
        <translation>كىرگۈزۈش-چىقىرىش خاتالىقى</translation>
    </message>
    <message>
        <source>The vault could not be written or read ({reason}).</source>
        <translation>ئامبارغا يازغىلى ياكى ئۇنى ئوقۇغىلى بولمىدى ({reason}).</translation>
    </message>
    <message>
        <source>Unexpected failure ({kind}).</source>
        <translation>كۈتۈلمىگەن خاتالىق ({kind}).</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>not a phone number: use the international format, e.g. {example}</source>
        <translation>تېلېفون نومۇرى ئەمەس: خەلقئارالىق شەكىلنى ئىشلىتىڭ، مەسىلەن {example}</translation>
    </message>
    <message>
        <source>not a valid phone number for its country code</source>
        <translation>دۆلەت كودىغا ماس كەلمەيدىغان تېلېفون نومۇرى</translation>
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
        <translation>خەتنى PDF قىلىپ ساقلاش</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF ھۆججەتلىرى (*.pdf)</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>خەتلەر</translation>
    </message>
    <message>
        <source>A letter is not saved inside the vault folder. Choose another folder.</source>
        <translation>خەتنى ئامبار قىسقۇچىغا ساقلاشقا بولمايدۇ. باشقا قىسقۇچ تاللاڭ.</translation>
    </message>
</context>
</TS>
