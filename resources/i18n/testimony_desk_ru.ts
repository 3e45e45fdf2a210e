<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>AppealsTab</name>
    <message>
        <source>drafted</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>получение подтверждено</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>получен ответ</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>нет ответа</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Адресат</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Повторное обращение</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>Отметить как отправленное</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Получение подтверждено</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Нет ответа</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Получен ответ</translation>
    </message>
    <message>
        <source>The official response, recorded with Answered</source>
        <translation>Официальный ответ (записывается кнопкой «Получен ответ»)</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>ответа нет</translation>
    </message>
    <message>
        <source>denial</source>
        <translation>отрицание</translation>
    </message>
    <message>
        <source>confirmation of detention</source>
        <translation>задержание подтверждено</translation>
    </message>
    <message>
        <source>release confirmed</source>
        <translation>освобождение подтверждено</translation>
    </message>
    <message>
        <source>Notes or the text of the answer (saved with the next status change)</source>
        <translation>Примечание или текст ответа (сохраняется при следующей смене статуса)</translation>
    </message>
    <message>
        <source>Follow-up letter…</source>
        <translation>Повторное письмо…</translation>
    </message>
    <message>
        <source>New letter…</source>
        <translation>Новое письмо…</translation>
    </message>
    <message>
        <source>No letter has been recorded for this case yet.</source>
        <translation>По этому делу ещё не записано ни одного письма.</translation>
    </message>
</context>
<context>
    <name>AttachmentsField</name>
    <message>
        <source>Name</source>
        <translation>Имя файла</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Save the case first, then add files to it.</source>
        <translation>Сначала сохраните дело, затем добавляйте к нему файлы.</translation>
    </message>
    <message>
        <source>No files yet. Drop files here or use Add…</source>
        <translation>Файлов пока нет. Перетащите файлы сюда или нажмите «Добавить…».</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <source>The file is {0}, larger than the limit of {1} per attachment. The limit can be changed in Settings.</source>
        <translation>Размер файла — {0}, это больше предела в {1} на одно вложение. Предел можно изменить в настройках.</translation>
    </message>
    <message>
        <source>Add files to this case</source>
        <translation>Добавить файлы к этому делу</translation>
    </message>
    <message>
        <source>Encrypting into the vault…</source>
        <translation>Шифрование в хранилище…</translation>
    </message>
    <message>
        <source>Encrypting file {0} of {1} into the vault…</source>
        <translation>Шифрование в хранилище: файл {0} из {1}…</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Some files were not added</source>
        <translation>Некоторые файлы не добавлены</translation>
    </message>
    <message>
        <source>Encrypted into the vault. The original is still outside the vault, at:</source>
        <translation>Зашифровано в хранилище. Исходный файл по-прежнему находится вне хранилища:</translation>
    </message>
    <message>
        <source>Encrypted into the vault. The originals are still outside the vault, at:</source>
        <translation>Зашифровано в хранилище. Исходные файлы по-прежнему находятся вне хранилища:</translation>
    </message>
    <message>
        <source>If it must not be found on this computer, delete it securely yourself. Testimony Desk does not delete or change the original.</source>
        <translation>Если его не должны найти на этом компьютере, надёжно удалите его сами. Testimony Desk не удаляет и не изменяет исходный файл.</translation>
    </message>
    <message>
        <source>Original file kept</source>
        <translation>Исходный файл сохранён</translation>
    </message>
    <message>
        <source>Cancelled. Nothing of the cancelled file was kept.</source>
        <translation>Отменено. От отменённого файла ничего не сохранено.</translation>
    </message>
    <message>
        <source>Export attachment</source>
        <translation>Экспорт вложения</translation>
    </message>
    <message>
        <source>Writing the exported file…</source>
        <translation>Запись экспортируемого файла…</translation>
    </message>
    <message>
        <source>Attachment exported</source>
        <translation>Вложение экспортировано</translation>
    </message>
    <message>
        <source>An unencrypted copy was written to:

{0}

Delete it securely when it is no longer needed.</source>
        <translation>Незашифрованная копия записана сюда:

{0}

Надёжно удалите её, когда она больше не нужна.</translation>
    </message>
    <message>
        <source>Remove “{0}” from this case? Its encrypted copy is deleted from the vault.</source>
        <translation>Удалить «{0}» из этого дела? Его зашифрованная копия будет удалена из хранилища.</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Удаление вложения</translation>
    </message>
    <message>
        <source>Loading the preview…</source>
        <translation>Загрузка предпросмотра…</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>Это изображение невозможно показать.</translation>
    </message>
</context>
<context>
    <name>AutoLock</name>
    <message>
        <source>Locks in {time}</source>
        <translation>Блокировка через {time}</translation>
    </message>
</context>
<context>
    <name>BatchLettersDialog</name>
    <message>
        <source>Batch letters</source>
        <translation>Письма по нескольким делам</translation>
    </message>
    <message>
        <source>Automatic (per case)</source>
        <translation>Автоматически (для каждого дела)</translation>
    </message>
    <message>
        <source>Record each letter as a drafted appeal</source>
        <translation>Записать каждое письмо как черновик обращения</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>Дел: {count}</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Адресат</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Write letters</source>
        <translation>Написать письма</translation>
    </message>
    <message>
        <source>Warning: the postal address of this recipient is not verified. Check it on the institution&apos;s own page before sending.</source>
        <translation>Внимание: почтовый адрес этого адресата не проверен. Перед отправкой сверьте его на официальной странице учреждения.</translation>
    </message>
    <message>
        <source>Folder for the letters</source>
        <translation>Папка для писем</translation>
    </message>
    <message>
        <source>Writing letters…</source>
        <translation>Письма пишутся…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Writing letter {done} of {total} ({reference})…</source>
        <translation>Пишется письмо {done} из {total} ({reference})…</translation>
    </message>
    <message>
        <source>{written} letters written to {folder}.</source>
        <translation>Написано писем: {written}. Папка: {folder}.</translation>
    </message>
    <message>
        <source>Cancelled: the remaining cases got no letter.</source>
        <translation>Отменено: для остальных дел письма не написаны.</translation>
    </message>
    <message>
        <source>{count} appeals recorded as drafted.</source>
        <translation>Записано черновиков обращений: {count}.</translation>
    </message>
    <message>
        <source>Skipped (the letter was refused):</source>
        <translation>Пропущено (письмо не может быть написано):</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… и ещё {count}</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>New case (not saved yet)</source>
        <translation>Новое дело (ещё не сохранено)</translation>
    </message>
    <message>
        <source>Missing for the UN WGEID: {elements}</source>
        <translation>Не хватает для РГННИ ООН: {elements}</translation>
    </message>
    <message>
        <source>All UN WGEID minimum elements are present.</source>
        <translation>Все минимальные сведения для РГННИ ООН есть.</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Обязательное поле</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Any verification</source>
        <translation>Любая проверка</translation>
    </message>
    <message>
        <source>Country of detention</source>
        <translation>Страна задержания</translation>
    </message>
    <message>
        <source>Any country</source>
        <translation>Любая страна</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Date of the latest event: YYYY, YYYY-MM or YYYY-MM-DD. A case is shown when its latest event&apos;s date overlaps the range.</source>
        <translation>Дата последнего события: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД (цифрами). Дело показывается, если дата его последнего события попадает в этот промежуток.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>HQ acknowledged the current version of this case</source>
        <translation>Центральный офис подтвердил получение текущей версии этого дела</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Detained person</source>
        <translation>Задержанный</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Последнее событие</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>HQ</source>
        <translation>ЦО</translation>
    </message>
    <message>
        <source>Received by HQ: a tick when HQ acknowledged the current version</source>
        <translation>Получено ЦО: галочка, если центральный офис подтвердил получение текущей версии</translation>
    </message>
    <message>
        <source>Where the person was detained (first detention event)</source>
        <translation>Где человек был задержан (первое событие задержания)</translation>
    </message>
    <message>
        <source>Date of the latest event</source>
        <translation>Дата последнего события</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>Обращения</translation>
    </message>
</context>
<context>
    <name>CaseSummary</name>
    <message>
        <source>born {date}</source>
        <translation>дата рождения: {date}</translation>
    </message>
    <message>
        <source>{relationship} of {person}</source>
        <translation>кем приходится {person}: {relationship}</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>События:</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>дата неизвестна</translation>
    </message>
    <message>
        <source>Testimony by {person} ({date}, {medium}):</source>
        <translation>Свидетельство: {person} ({date}, {medium}):</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>Appeal to {recipient} {date}: {status}</source>
        <translation>Обращение ({recipient}, {date}): {status}</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Заметки: {notes}</translation>
    </message>
</context>
<context>
    <name>CountdownDialog</name>
    <message>
        <source>Quick delete</source>
        <translation>Быстрое удаление</translation>
    </message>
    <message>
        <source>Every case in this vault will be destroyed for ever: the keys are erased, then the files are deleted, and the program closes.

Not reached: copies made elsewhere — exported files and letters (PDF), sync bundles on USB sticks or already sent, backups of the vault folder.</source>
        <translation>Все дела в этом хранилище будут уничтожены навсегда: сначала стираются ключи, затем удаляются файлы, и программа закрывается.

Не затрагиваются копии в других местах — экспортированные файлы и письма (PDF), пакеты синхронизации на USB-накопителях или уже отправленные, резервные копии папки хранилища.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Erase now</source>
        <translation>Стереть сейчас</translation>
    </message>
    <message numerus="yes">
        <source>Seconds before the vault is erased: %n</source>
        <translation>
            <numerusform>До уничтожения хранилища осталась %n секунда</numerusform>
            <numerusform>До уничтожения хранилища осталось %n секунды</numerusform>
            <numerusform>До уничтожения хранилища осталось %n секунд</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong inside Testimony Desk.

Your saved cases are safe in the encrypted vault. Anything not saved yet may be lost: save your work, then close and restart the program.

</source>
        <translation>В Testimony Desk произошла ошибка.

Сохранённые дела в безопасности в зашифрованном хранилище. Несохранённое может быть потеряно: сохраните работу, затем закройте и снова запустите программу.

</translation>
    </message>
    <message>
        <source>A technical report without any case data was written to:
{path}
You can send it to your organisation&apos;s technical contact.</source>
        <translation>Технический отчёт без данных дел записан сюда:
{path}
Его можно отправить техническому специалисту вашей организации.</translation>
    </message>
    <message>
        <source>Testimony Desk</source>
        <translation>Testimony Desk</translation>
    </message>
    <message>
        <source>Testimony Desk is already running with this vault.

Switch to the window that is open (it may be minimised or on another desktop), or close it before starting the program again.</source>
        <translation>Testimony Desk уже запущен с этим хранилищем.

Перейдите в открытое окно (оно может быть свёрнуто или находиться на другом рабочем столе) или закройте его, прежде чем снова запускать программу.</translation>
    </message>
    <message>
        <source>Other users of this computer could read the vault&apos;s files (a copy tool, an archive or a synced folder may have changed their permissions). They are now private to you again:

{details}</source>
        <translation>Другие пользователи этого компьютера могли читать файлы хранилища (права доступа могли изменить программа копирования, архив или синхронизируемая папка). Теперь они снова доступны только вам:

{details}</translation>
    </message>
</context>
<context>
    <name>EdtfField</name>
    <message>
        <source>Year / month / day helper</source>
        <translation>Ввод даты: год / месяц / день</translation>
    </message>
</context>
<context>
    <name>EdtfHelper</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>approximate (~)</source>
        <translation>приблизительно (~)</translation>
    </message>
    <message>
        <source>uncertain (?)</source>
        <translation>под сомнением (?)</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
</context>
<context>
    <name>EventsField</name>
    <message>
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Date…</source>
        <translation>Дата…</translation>
    </message>
    <message>
        <source>Year / month / day helper for the selected event&apos;s date</source>
        <translation>Ввод даты выбранного события: год / месяц / день</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Учреждение</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Орган власти</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Обвинения</translation>
    </message>
    <message>
        <source>row {row}: date: {problem}</source>
        <translation>строка {row}: дата: {problem}</translation>
    </message>
    <message>
        <source>row {row}: country: use a two-letter code such as KZ or CN</source>
        <translation>строка {row}: страна: укажите двухбуквенный код, например KZ или CN</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Create your vault — Testimony Desk</source>
        <translation>Создание хранилища — Testimony Desk</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начать</translation>
    </message>
    <message>
        <source>Testimony Desk</source>
        <translation>Testimony Desk</translation>
    </message>
    <message>
        <source>The vault could not be remembered on this computer: {reason}</source>
        <translation>Не удалось запомнить хранилище на этом компьютере: {reason}</translation>
    </message>
</context>
<context>
    <name>FollowUpsDialog</name>
    <message>
        <source>Follow-ups due</source>
        <translation>Пора отправить повторные обращения</translation>
    </message>
    <message>
        <source>Looking for follow-ups that are due…</source>
        <translation>Поиск обращений, по которым пора отправить повторное…</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Срок повторного обращения</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Адресат</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>Дата письма</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>{count} follow-ups are due. Double-click one to open its case.</source>
        <translation>Пора отправить повторные обращения: {count}. Дважды щёлкните строку, чтобы открыть дело.</translation>
    </message>
    <message>
        <source>No follow-up is due.</source>
        <translation>Повторных обращений пока не требуется.</translation>
    </message>
</context>
<context>
    <name>HistoryField</name>
    <message>
        <source>create</source>
        <translation>создано</translation>
    </message>
    <message>
        <source>update</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>удалено</translation>
    </message>
    <message>
        <source>revision {number}</source>
        <translation>версия {number}</translation>
    </message>
    <message>
        <source>device {device}</source>
        <translation>устройство {device}</translation>
    </message>
</context>
<context>
    <name>LanguageCombo</name>
    <message>
        <source>System default ({language})</source>
        <translation>Как в системе ({language})</translation>
    </message>
</context>
<context>
    <name>LetterComposer</name>
    <message>
        <source>Letter</source>
        <translation>Письмо</translation>
    </message>
    <message>
        <source>{name} (address not verified)</source>
        <translation>{name} (адрес не проверен)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Record as appeal</source>
        <translation>Записать как обращение</translation>
    </message>
    <message>
        <source>Add this letter to the case&apos;s appeal log as drafted (with its SHA-256)</source>
        <translation>Добавить это письмо в журнал обращений дела как черновик (с его SHA-256)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Адресат</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Бумага</translation>
    </message>
    <message>
        <source>Warning: the postal address of this recipient is not verified. Check it on the institution&apos;s own page before sending.</source>
        <translation>Внимание: почтовый адрес этого адресата не проверен. Перед отправкой сверьте его на официальной странице учреждения.</translation>
    </message>
    <message>
        <source>Composing the letter…</source>
        <translation>Письмо составляется…</translation>
    </message>
    <message>
        <source>Letter {reference}: {pages} pages</source>
        <translation>Письмо {reference}, страниц: {pages}</translation>
    </message>
    <message>
        <source>This letter cannot be written:</source>
        <translation>Это письмо невозможно составить:</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Print letter</source>
        <translation>Печать письма</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Письма</translation>
    </message>
    <message>
        <source>Printed {pages} pages</source>
        <translation>Напечатано страниц: {pages}</translation>
    </message>
    <message>
        <source>Recorded as appeal {reference} (drafted)</source>
        <translation>Записано как обращение {reference} (черновик)</translation>
    </message>
</context>
<context>
    <name>LettersFeature</name>
    <message>
        <source>Appeals</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <source>New letter…</source>
        <translation>Новое письмо…</translation>
    </message>
    <message>
        <source>Batch letters…</source>
        <translation>Письма по нескольким делам…</translation>
    </message>
    <message>
        <source>Follow-ups due…</source>
        <translation>Повторные обращения к отправке…</translation>
    </message>
    <message>
        <source>Import recipients…</source>
        <translation>Импорт адресатов…</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Письма</translation>
    </message>
    <message>
        <source>Appeal {number} is now {status}</source>
        <translation>Обращение {number}: теперь «{status}»</translation>
    </message>
    <message>
        <source>{count} letters written</source>
        <translation>Написано писем: {count}</translation>
    </message>
    <message>
        <source>Batch letters</source>
        <translation>Письма по нескольким делам</translation>
    </message>
    <message>
        <source>Import recipients</source>
        <translation>Импорт адресатов</translation>
    </message>
    <message>
        <source>Recipient files (*.yaml *.yml);;All files (*)</source>
        <translation>Файлы адресатов (*.yaml *.yml);;Все файлы (*)</translation>
    </message>
    <message>
        <source>{count} recipients imported into the vault: {ids}</source>
        <translation>Адресатов импортировано в хранилище: {count} ({ids})</translation>
    </message>
    <message>
        <source>Not verified (letters to them show a warning): {ids}</source>
        <translation>Не проверены (в письмах к ним будет предупреждение): {ids}</translation>
    </message>
    <message>
        <source>{count} recipients imported</source>
        <translation>Импортировано адресатов: {count}</translation>
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
        <translation>Поиск по именам в любой письменности, местам, свидетельствам…</translation>
    </message>
    <message>
        <source>The questionnaire cannot be used:
{error}</source>
        <translation>Анкету невозможно использовать:
{error}</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Vault: {folder}</source>
        <translation>Хранилище: {folder}</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Хранилище</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Дело</translation>
    </message>
    <message>
        <source>&amp;Letters</source>
        <translation>&amp;Письма</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Синхронизация</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>Sync with HQ…</source>
        <translation>Синхронизация с центральным офисом…</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>Дел: {count}</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} из {total}</translation>
    </message>
    <message>
        <source>This case has unsaved changes.</source>
        <translation>В этом деле есть несохранённые изменения.</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Исправьте отмеченные поля.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Saved {reference}</source>
        <translation>Сохранено: {reference}</translation>
    </message>
    <message>
        <source>{count} matching cases</source>
        <translation>Найдено дел: {count}</translation>
    </message>
    <message>
        <source>Import cases</source>
        <translation>Импорт дел</translation>
    </message>
    <message>
        <source>Case files (*.json *.jsonl *.csv);;All files (*)</source>
        <translation>Файлы дел (*.json *.jsonl *.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} updated, {unchanged} unchanged</source>
        <translation>Импорт завершён: новых — {created}, обновлено — {updated}, без изменений — {unchanged}</translation>
    </message>
    <message>
        <source>The unsaved edits from before the automatic lock are back.</source>
        <translation>Несохранённые изменения, сделанные до автоматической блокировки, восстановлены.</translation>
    </message>
    <message>
        <source>The case open in the editor was just changed by an import or a sync. Your unsaved edits are still there; saving them replaces the new version. To see the new version instead, discard your edits and open the case again.</source>
        <translation>Дело, открытое в редакторе, только что изменено импортом или синхронизацией. Ваши несохранённые изменения на месте; если сохранить их, они заменят новую версию. Чтобы увидеть новую версию, отмените свои изменения и откройте дело снова.</translation>
    </message>
</context>
<context>
    <name>NamesField</name>
    <message>
        <source>Add name</source>
        <translation>Добавить имя</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Welcome to Testimony Desk</source>
        <translation>Добро пожаловать в Testimony Desk</translation>
    </message>
    <message>
        <source>Your records stay encrypted on this computer.</source>
        <translation>Ваши записи хранятся на этом компьютере в зашифрованном виде.</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Необязательно</translation>
    </message>
    <message>
        <source>Testimony Desk keeps testimonies, case files and letters in an encrypted vault. This assistant creates the vault: you choose a passphrase, then you receive a recovery key to keep on paper.</source>
        <translation>Testimony Desk хранит свидетельства, материалы дел и письма в зашифрованном хранилище. Этот помощник создаст хранилище: вы выберете парольную фразу и получите ключ восстановления, который нужно сохранить на бумаге.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Organisation name:</source>
        <translation>Название организации:</translation>
    </message>
    <message>
        <source>The organisation name is printed on letters and stored inside the vault only. You can change it later under Vault › Settings.</source>
        <translation>Название организации печатается в письмах и хранится только внутри хранилища. Его можно изменить позже: Хранилище › Настройки.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>Выберите парольную фразу</translation>
    </message>
    <message>
        <source>Without the passphrase or the recovery key nobody can open the vault.</source>
        <translation>Без парольной фразы или ключа восстановления никто не сможет открыть хранилище.</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Создать хранилище</translation>
    </message>
    <message>
        <source>Creating the vault… this takes a few seconds.</source>
        <translation>Хранилище создаётся… это займёт несколько секунд.</translation>
    </message>
    <message>
        <source>Use at least {n} characters. Several unrelated words are easy to remember and hard to guess; avoid names, dates and phrases from songs or books.</source>
        <translation>Используйте не менее {n} символов. Несколько не связанных между собой слов легко запомнить и трудно угадать; избегайте имён, дат и строк из песен или книг.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Надёжность:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Очень слабая</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Слабая</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Средняя</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Хорошая</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Надёжная</translation>
    </message>
    <message>
        <source>Too short: {n} more characters needed.</source>
        <translation>Слишком коротко: нужно ещё символов: {n}.</translation>
    </message>
    <message>
        <source>Too easy to guess. Add another unrelated word or two.</source>
        <translation>Слишком легко угадать. Добавьте ещё одно-два не связанных слова.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <source>Type the passphrase again below.</source>
        <translation>Введите парольную фразу ещё раз ниже.</translation>
    </message>
    <message>
        <source>The passphrase is good.</source>
        <translation>Парольная фраза подходит.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <source>Fit the page width</source>
        <translation>Подогнать по ширине страницы</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Предыдущая страница</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Страница {page} из {count}</translation>
    </message>
</context>
<context>
    <name>QuickDelete</name>
    <message>
        <source>Quick delete…</source>
        <translation>Быстрое удаление…</translation>
    </message>
    <message>
        <source>Erase this vault for ever after a 5-second countdown (%s)</source>
        <translation>Стереть это хранилище навсегда после 5-секундного отсчёта (%s)</translation>
    </message>
    <message>
        <source>Testimony Desk</source>
        <translation>Testimony Desk</translation>
    </message>
    <message>
        <source>The keys could not all be erased ({reason}). Delete the vault folder by hand, or run: testimony-desk erase --yes</source>
        <translation>Не все ключи удалось стереть ({reason}). Удалите папку хранилища вручную или выполните: testimony-desk erase --yes</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>Ваш ключ восстановления</translation>
    </message>
    <message>
        <source>It is shown only now.</source>
        <translation>Он показывается только сейчас.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>I have stored the recovery key</source>
        <translation>Я сохранил(а) ключ восстановления</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>Запомнить на этом компьютере</translation>
    </message>
    <message>
        <source>Opens the vault without the passphrase when you start Testimony Desk, using the system keyring. Anyone who can log in as you can then open it: leave this off on a computer that may be taken.</source>
        <translation>Хранилище будет открываться без парольной фразы при запуске Testimony Desk — через системное хранилище ключей. Тогда открыть его сможет любой, кто войдёт в систему под вашим именем: не включайте это на компьютере, который могут изъять.</translation>
    </message>
    <message>
        <source>“Remember on this computer” is not offered: no secure system keyring is available here, so the vault always asks for the passphrase.</source>
        <translation>«Запомнить на этом компьютере» недоступно: здесь нет надёжного системного хранилища ключей, поэтому хранилище всегда спрашивает парольную фразу.</translation>
    </message>
    <message>
        <source>This recovery key opens the vault if the passphrase is forgotten. Print it or write it on paper and keep it away from this computer. Testimony Desk cannot show it again.</source>
        <translation>Этот ключ восстановления открывает хранилище, если парольная фраза забыта. Распечатайте его или запишите на бумаге и храните вдали от этого компьютера. Testimony Desk не сможет показать его снова.</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Печать ключа восстановления</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Отправлено на принтер.</translation>
    </message>
    <message>
        <source>Save the recovery key as PDF</source>
        <translation>Сохранить ключ восстановления в PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a place outside the vault folder (a USB stick, for example).</source>
        <translation>Выберите место вне папки хранилища (например, USB-накопитель).</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>Testimony Desk — recovery key</source>
        <translation>Testimony Desk — ключ восстановления</translation>
    </message>
    <message>
        <source>This key opens your Testimony Desk vault if the passphrase is forgotten. Anyone who has it and a copy of the vault can read everything in it.</source>
        <translation>Этот ключ открывает ваше хранилище Testimony Desk, если парольная фраза забыта. Любой, у кого есть ключ и копия хранилища, может прочитать всё его содержимое.</translation>
    </message>
    <message>
        <source>Keep this sheet somewhere safe and away from the computer, for example in a sealed envelope with a person you trust. Do not photograph it.</source>
        <translation>Храните этот лист в надёжном месте вдали от компьютера, например в запечатанном конверте у человека, которому вы доверяете. Не фотографируйте его.</translation>
    </message>
    <message>
        <source>Vault created: {date}</source>
        <translation>Хранилище создано: {date}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — Testimony Desk</source>
        <translation>Настройки — Testimony Desk</translation>
    </message>
    <message>
        <source>Printed before the date, e.g. Almaty</source>
        <translation>Печатается перед датой, например: Алматы</translation>
    </message>
    <message>
        <source>Letters are also signed on behalf of the organisation</source>
        <translation>Письма подписываются также от имени организации</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>Бланк письма</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>Address (one line each):</source>
        <translation>Адрес (по строкам):</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Контакты:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Место:</translation>
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
        <translation>Никогда (не рекомендуется)</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Казахский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> МиБ</translation>
    </message>
    <message>
        <source>Show “Quick delete” in the toolbar</source>
        <translation>«Быстрое удаление» на панели инструментов</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Работа</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>Блокировать после простоя:</translation>
    </message>
    <message>
        <source>Default letter language:</source>
        <translation>Язык писем по умолчанию:</translation>
    </message>
    <message>
        <source>Largest attachment:</source>
        <translation>Наибольшее вложение:</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Язык интерфейса:</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Выбор логотипа</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.gif *.bmp)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Нет логотипа</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <source>The new interface language is used from the next unlock (Vault › Lock, Ctrl+L) or the next start.</source>
        <translation>Новый язык интерфейса будет использоваться после следующей разблокировки (Хранилище › Заблокировать, Ctrl+L) или следующего запуска.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with headquarters</source>
        <translation>Синхронизация с центральным офисом</translation>
    </message>
    <message>
        <source>This HQ vault</source>
        <translation>Это хранилище центрального офиса</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Это устройство</translation>
    </message>
    <message>
        <source>Fingerprint (compare it by voice; HQ approves this device with it):</source>
        <translation>Отпечаток (сверьте его голосом; по нему центральный офис одобряет это устройство):</translation>
    </message>
    <message>
        <source>HQ fingerprint (field workers compare it when they enrol):</source>
        <translation>Отпечаток центрального офиса (сотрудники на местах сверяют его при подключении):</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Enrol HQ key file…</source>
        <translation>Подключить файл ключа центрального офиса…</translation>
    </message>
    <message>
        <source>Send to HQ</source>
        <translation>Отправка в центральный офис</translation>
    </message>
    <message>
        <source>Show the cases (names)</source>
        <translation>Показать дела (имена)</translation>
    </message>
    <message>
        <source>Write the bundle to:</source>
        <translation>Записать пакет в:</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Выбрать папку…</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Экспортировать пакет</translation>
    </message>
    <message>
        <source>Confirmation from HQ</source>
        <translation>Подтверждение от центрального офиса</translation>
    </message>
    <message>
        <source>Import HQ acknowledgement…</source>
        <translation>Импортировать подтверждение центрального офиса…</translation>
    </message>
    <message>
        <source>Removable drive: {path}</source>
        <translation>Съёмный накопитель: {path}</translation>
    </message>
    <message>
        <source>Write HQ key file…</source>
        <translation>Записать файл ключа центрального офиса…</translation>
    </message>
    <message>
        <source>Import bundle files…</source>
        <translation>Импортировать файлы пакетов…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>Импортировать папку…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Отпечаток</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Впервые</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Пакеты</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Последний пакет</translation>
    </message>
    <message>
        <source>Approve selected device…</source>
        <translation>Одобрить выбранное устройство…</translation>
    </message>
    <message>
        <source>Write acknowledgement…</source>
        <translation>Записать подтверждение…</translation>
    </message>
    <message>
        <source>A fingerprint read aloud, e.g. ABCD EFGH …</source>
        <translation>Отпечаток, прочитанный вслух, например ABCD EFGH …</translation>
    </message>
    <message>
        <source>Approve this fingerprint</source>
        <translation>Одобрить этот отпечаток</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Устройства</translation>
    </message>
    <message>
        <source>A case changed both here and in the field since HQ last merged it. Both versions are kept; the newer one is shown until you choose.</source>
        <translation>Дело изменено и здесь, и на месте с момента последнего объединения в центральном офисе. Сохранены обе версии; пока вы не выберете, показывается более новая.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Обнаружен</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>Показана сейчас</translation>
    </message>
    <message>
        <source>Keep the HQ version</source>
        <translation>Оставить версию центрального офиса</translation>
    </message>
    <message>
        <source>Keep the field version</source>
        <translation>Оставить полевую версию</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <source>Not enrolled with an HQ yet: ask HQ for its key file, enrol it and compare its fingerprint with HQ by voice.</source>
        <translation>Центральный офис ещё не подключён: попросите у него файл ключа, подключите его и сверьте отпечаток с центральным офисом голосом.</translation>
    </message>
    <message>
        <source>Sends to HQ “{name}”, fingerprint {fingerprint}</source>
        <translation>Отправка в центральный офис «{name}», отпечаток {fingerprint}</translation>
    </message>
    <message>
        <source>Bundle #{sequence} will carry {cases} changed case(s) and {attachments} attachment(s) ({size}).</source>
        <translation>Пакет №{sequence}: изменённых дел — {cases}, вложений — {attachments} ({size}).</translation>
    </message>
    <message>
        <source>Nothing to send: no case changed since the last bundle.</source>
        <translation>Отправлять нечего: с последнего пакета ни одно дело не изменилось.</translation>
    </message>
    <message>
        <source>{count} changed case(s) are left out: their testimony consent does not allow sharing with HQ.</source>
        <translation>Изменённых дел не включено: {count} — согласие свидетеля не разрешает передачу в центральный офис.</translation>
    </message>
    <message>
        <source>Last bundle written: #{sequence}.</source>
        <translation>Последний записанный пакет: №{sequence}.</translation>
    </message>
    <message>
        <source>HQ confirmed receiving bundle(s) {numbers}.</source>
        <translation>Центральный офис подтвердил получение пакетов: {numbers}.</translation>
    </message>
    <message>
        <source>No acknowledgement from HQ imported yet.</source>
        <translation>Подтверждений от центрального офиса ещё не импортировано.</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>одобрено</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>ожидает одобрения</translation>
    </message>
    <message>
        <source>HQ version</source>
        <translation>версия центрального офиса</translation>
    </message>
    <message>
        <source>field version</source>
        <translation>полевая версия</translation>
    </message>
    <message>
        <source>Conflicts ({count})</source>
        <translation>Конфликты ({count})</translation>
    </message>
    <message>
        <source>Enrol a new HQ key file…</source>
        <translation>Подключить новый файл ключа центрального офиса…</translation>
    </message>
    <message>
        <source>HQ key file</source>
        <translation>Файл ключа центрального офиса</translation>
    </message>
    <message>
        <source>HQ key (*.json);;All files (*)</source>
        <translation>Ключ центрального офиса (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Enrol HQ</source>
        <translation>Подключение центрального офиса</translation>
    </message>
    <message>
        <source>HQ: {name}
Fingerprint:
{fp}

Trust this HQ only if HQ read exactly this fingerprint to you (by voice). Bundles will be encrypted to it.</source>
        <translation>Центральный офис: {name}
Отпечаток:
{fp}

Доверяйте этому центральному офису, только если он прочитал вам (голосом) именно этот отпечаток. Пакеты будут зашифрованы для него.</translation>
    </message>
    <message>
        <source>Folder or USB drive for the bundle</source>
        <translation>Папка или USB-накопитель для пакета</translation>
    </message>
    <message>
        <source>Bundle #{sequence} written: {cases} case(s), {attachments} attachment(s), {size}.
{path}</source>
        <translation>Пакет №{sequence} записан: дел — {cases}, вложений — {attachments}, {size}.
{path}</translation>
    </message>
    <message>
        <source>{count} case(s) left out (consent).</source>
        <translation>Не включено дел: {count} (согласие).</translation>
    </message>
    <message>
        <source>Export cancelled: no bundle was written.</source>
        <translation>Экспорт отменён: пакет не записан.</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Экспорт не удался: {reason}</translation>
    </message>
    <message>
        <source>HQ acknowledgement</source>
        <translation>Подтверждение центрального офиса</translation>
    </message>
    <message>
        <source>Acknowledgements (*.tda);;All files (*)</source>
        <translation>Подтверждения (*.tda);;Все файлы (*)</translation>
    </message>
    <message>
        <source>HQ confirmed receiving bundle(s) {numbers}: {count} case(s) newly marked as received by HQ.</source>
        <translation>Центральный офис подтвердил получение пакетов {numbers}: дел, впервые отмеченных как полученные, — {count}.</translation>
    </message>
    <message>
        <source>The acknowledgement was not accepted: {reason}</source>
        <translation>Подтверждение не принято: {reason}</translation>
    </message>
    <message>
        <source>Write HQ key file</source>
        <translation>Запись файла ключа центрального офиса</translation>
    </message>
    <message>
        <source>HQ key (*.json)</source>
        <translation>Ключ центрального офиса (*.json)</translation>
    </message>
    <message>
        <source>Written. Field workers enrol it and compare this fingerprint with you:
{fp}</source>
        <translation>Записано. Сотрудники на местах подключают его и сверяют с вами этот отпечаток:
{fp}</translation>
    </message>
    <message>
        <source>Bundles to import</source>
        <translation>Пакеты для импорта</translation>
    </message>
    <message>
        <source>Bundles (*.tdb);;All files (*)</source>
        <translation>Пакеты (*.tdb);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Folder with bundles</source>
        <translation>Папка с пакетами</translation>
    </message>
    <message>
        <source>[{i}/{n}] {file}: already imported, nothing changed</source>
        <translation>[{i}/{n}] {file}: уже импортирован, ничего не изменилось</translation>
    </message>
    <message>
        <source>[{i}/{n}] {file}: bundle #{sequence} — {created} new, {updated} updated, {unchanged} unchanged, {stale} older, {conflicts} conflict(s), {attachments} attachment(s)</source>
        <translation>[{i}/{n}] {file}: пакет №{sequence} — новых: {created}, обновлено: {updated}, без изменений: {unchanged}, устаревших: {stale}, конфликтов: {conflicts}, вложений: {attachments}</translation>
    </message>
    <message>
        <source>    {count} reference(s) also used by another device, now shown with the device&apos;s suffix (e.g. {before} → {after})</source>
        <translation>    Номеров, которые использует и другое устройство: {count}; теперь они показаны с суффиксом устройства (например, {before} → {after})</translation>
    </message>
    <message>
        <source>[{i}/{n}] {file}: REFUSED, nothing from it was imported: device {fp} is not approved yet.</source>
        <translation>[{i}/{n}] {file}: ОТКЛОНЁН, из него ничего не импортировано: устройство {fp} ещё не одобрено.</translation>
    </message>
    <message>
        <source>[{i}/{n}] {file}: REFUSED, nothing from it was imported. {reason}</source>
        <translation>[{i}/{n}] {file}: ОТКЛОНЁН, из него ничего не импортировано. {reason}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Done: {imported} bundle(s) imported, {refused} refused, {conflicts} new conflict(s).</source>
        <translation>Готово: импортировано пакетов — {imported}, отклонено — {refused}, новых конфликтов — {conflicts}.</translation>
    </message>
    <message>
        <source>Cancelled: the bundle being read was not imported; bundles listed above as imported are complete.</source>
        <translation>Отменено: читавшийся пакет не импортирован; пакеты, отмеченные выше как импортированные, импортированы полностью.</translation>
    </message>
    <message>
        <source>Import stopped: {reason}</source>
        <translation>Импорт остановлен: {reason}</translation>
    </message>
    <message>
        <source>A bundle came from a device that is not approved. Its fingerprint is
{fp}
Compare it with the field worker&apos;s (they see it in their Sync dialog), approve the device, then import the bundle again.</source>
        <translation>Пакет пришёл с неодобренного устройства. Его отпечаток:
{fp}
Сверьте его с отпечатком сотрудника на месте (он виден в его окне синхронизации), одобрите устройство и импортируйте пакет снова.</translation>
    </message>
    <message>
        <source>Approve device {fp}…</source>
        <translation>Одобрить устройство {fp}…</translation>
    </message>
    <message>
        <source>{count} bundle(s) were refused and nothing from them was imported: see the list above.</source>
        <translation>Отклонено пакетов: {count}, из них ничего не импортировано — см. список выше.</translation>
    </message>
    <message>
        <source>Approve device</source>
        <translation>Одобрение устройства</translation>
    </message>
    <message>
        <source>Approve the device with this fingerprint?

{fp}

Only if the field worker read exactly this to you (by voice, not through the same USB stick).</source>
        <translation>Одобрить устройство с этим отпечатком?

{fp}

Только если сотрудник на месте прочитал вам именно его (голосом, а не через ту же флешку).</translation>
    </message>
    <message>
        <source>Device {fp} approved.</source>
        <translation>Устройство {fp} одобрено.</translation>
    </message>
    <message>
        <source>Select a device first.</source>
        <translation>Сначала выберите устройство.</translation>
    </message>
    <message>
        <source>Acknowledgement for device {fp}</source>
        <translation>Подтверждение для устройства {fp}</translation>
    </message>
    <message>
        <source>Acknowledgements (*.tda)</source>
        <translation>Подтверждения (*.tda)</translation>
    </message>
    <message>
        <source>Acknowledgement for {fp} written ({count} bundle(s)): {path}</source>
        <translation>Подтверждение для {fp} записано (пакетов: {count}): {path}</translation>
    </message>
    <message>
        <source>Select a conflict first.</source>
        <translation>Сначала выберите конфликт.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock — Testimony Desk</source>
        <translation>Разблокировка — Testimony Desk</translation>
    </message>
    <message>
        <source>Use the recovery key instead</source>
        <translation>Использовать ключ восстановления</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Opening the vault…</source>
        <translation>Хранилище открывается…</translation>
    </message>
    <message>
        <source>This vault is locked.</source>
        <translation>Хранилище заблокировано.</translation>
    </message>
    <message>
        <source>Too many failed attempts: you can try again in {seconds} s.</source>
        <translation>Слишком много неудачных попыток: повторить можно через {seconds} с.</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Ключ восстановления:</translation>
    </message>
    <message>
        <source>Type the recovery key first.</source>
        <translation>Сначала введите ключ восстановления.</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Сначала введите парольную фразу.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Неверная парольная фраза.</translation>
    </message>
    <message>
        <source>Wrong recovery key.</source>
        <translation>Неверный ключ восстановления.</translation>
    </message>
    <message>
        <source>The passphrase is needed to open the vault.</source>
        <translation>Чтобы открыть хранилище, нужна парольная фраза.</translation>
    </message>
</context>
<context>
    <name>UrlsField</name>
    <message>
        <source>line {line}: not an http(s) link</source>
        <translation>строка {line}: это не ссылка http(s)</translation>
    </message>
</context>
<context>
    <name>_NameRow</name>
    <message>
        <source>Script, detected from the letters (ISO 15924)</source>
        <translation>Письменность, определённая по буквам (ISO 15924)</translation>
    </message>
    <message>
        <source>lang</source>
        <translation>язык</translation>
    </message>
    <message>
        <source>Language of this name (BCP 47: kk, ru, ug, zh, en)</source>
        <translation>Язык этого имени (BCP 47: kk, ru, ug, zh, en)</translation>
    </message>
    <message>
        <source>Remove this name</source>
        <translation>Удалить это имя</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>input/output error</source>
        <translation>ошибка ввода-вывода</translation>
    </message>
    <message>
        <source>The vault could not be written or read ({reason}).</source>
        <translation>Не удалось записать или прочитать хранилище ({reason}).</translation>
    </message>
    <message>
        <source>Unexpected failure ({kind}).</source>
        <translation>Непредвиденный сбой ({kind}).</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>not a phone number: use the international format, e.g. {example}</source>
        <translation>это не номер телефона: используйте международный формат, например {example}</translation>
    </message>
    <message>
        <source>not a valid phone number for its country code</source>
        <translation>номер недействителен для своего кода страны</translation>
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
        <translation>Сохранить письмо в PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Письма</translation>
    </message>
    <message>
        <source>A letter is not saved inside the vault folder. Choose another folder.</source>
        <translation>Письмо нельзя сохранить в папке хранилища. Выберите другую папку.</translation>
    </message>
</context>
</TS>
