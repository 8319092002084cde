<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_US">
<context>
    <name>ApartmentStatus</name>
    <message>
        <source>apartment status</source>
        <translation>статус квартиры</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Свободна</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Забронирована</translation>
    </message>
    <message>
        <source>Rented</source>
        <translation>Сдана</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>%1 is ready (schema version %2).</source>
        <translation>%1 готова (версия схемы %2).</translation>
    </message>
</context>
<context>
    <name>BookingStatus</name>
    <message>
        <source>booking status</source>
        <translation>статус бронирования</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Запрошено</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Подтверждено</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Завершено</translation>
    </message>
</context>
<context>
    <name>CodeError</name>
    <message>
        <source>“%1” is not a valid %2 (expected one of: %3).</source>
        <translation>«%1» — недопустимое значение: %2 (ожидается одно из: %3).</translation>
    </message>
    <message>
        <source>identifier</source>
        <translation>идентификатор</translation>
    </message>
    <message>
        <source>a lowercase UUID without braces</source>
        <translation>UUID строчными буквами без фигурных скобок</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>a date written YYYY-MM-DD</source>
        <translation>дата в виде ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>timestamp</source>
        <translation>отметка времени</translation>
    </message>
    <message>
        <source>UTC time written YYYY-MM-DDThh:mm:ss.zzzZ</source>
        <translation>время UTC в виде ГГГГ-ММ-ДДTчч:мм:сс.мммZ</translation>
    </message>
    <message>
        <source>yes/no value</source>
        <translation>значение «да/нет»</translation>
    </message>
    <message>
        <source>0 or 1</source>
        <translation>0 или 1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>RentDesk: buildings, apartments, bookings and reviews.</source>
        <translation>RentDesk: дома, квартиры, бронирования и отзывы.</translation>
    </message>
    <message>
        <source>Use the database &lt;file&gt; (default: %1).</source>
        <translation>Использовать базу данных &lt;file&gt; (по умолчанию: %1).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Create or update the database, then exit without opening a window.</source>
        <translation>Создать или обновить базу данных и выйти, не открывая окна.</translation>
    </message>
    <message>
        <source>Use &lt;language&gt; (en or ru) for this run.</source>
        <translation>Использовать язык &lt;language&gt; (en или ru) в этом запуске.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>Unexpected argument: %1.</source>
        <translation>Лишний аргумент: %1.</translation>
    </message>
    <message>
        <source>--database needs a file name.</source>
        <translation>Для --database нужно имя файла.</translation>
    </message>
</context>
<context>
    <name>DbError</name>
    <message>
        <source>%1 is not a RentDesk database: it is not an SQLite file, or it is damaged.</source>
        <translation>%1 — не база данных RentDesk: это не файл SQLite, или он повреждён.</translation>
    </message>
    <message>
        <source>Cannot open the database %1.</source>
        <translation>Не удаётся открыть базу данных %1.</translation>
    </message>
    <message>
        <source>The database %1 is locked by another program.</source>
        <translation>База данных %1 заблокирована другой программой.</translation>
    </message>
    <message>
        <source>Cannot use the database %1: %2</source>
        <translation>Не удаётся использовать базу данных %1: %2</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 — это папка, а не файл базы данных.</translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2 is a file, not a folder.</source>
        <translation>Не удаётся создать базу данных %1: %2 — это файл, а не папка.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation>Не удаётся создать папку %1 для базы данных.</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is not installed (Debian package libqt6sql6-sqlite).</source>
        <translation>Не установлен драйвер SQLite для Qt (пакет Debian libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>foreign keys</source>
        <translation>внешние ключи</translation>
    </message>
    <message>
        <source>write-ahead logging</source>
        <translation>журнал упреждающей записи (WAL)</translation>
    </message>
    <message>
        <source>synchronous=NORMAL</source>
        <translation>synchronous=NORMAL</translation>
    </message>
    <message>
        <source>untrusted schema</source>
        <translation>недоверенную схему</translation>
    </message>
    <message>
        <source>busy timeout</source>
        <translation>тайм-аут ожидания блокировки</translation>
    </message>
    <message>
        <source>Cannot enable %1 on the database %2 (it reports &quot;%3&quot;).</source>
        <translation>Не удаётся включить %1 для базы данных %2 (она сообщает «%3»).</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not RentDesk&apos;s.</source>
        <translation>%1 — база данных SQLite другой программы, а не RentDesk.</translation>
    </message>
    <message>
        <source>%1 was written by a newer RentDesk (schema version %2; this release knows up to %3). Update RentDesk to open it.</source>
        <translation>%1 записана более новой версией RentDesk (версия схемы %2; эта версия знает схемы до %3). Обновите RentDesk, чтобы открыть её.</translation>
    </message>
    <message>
        <source>Updating the database to version %1 (%2) failed; the database was left as it was.</source>
        <translation>Не удалось обновить базу данных до версии %1 (%2); база данных осталась без изменений.</translation>
    </message>
    <message>
        <source>The change refers to a record that does not exist.</source>
        <translation>Изменение ссылается на несуществующую запись.</translation>
    </message>
    <message>
        <source>The database refused the change (rule: %1).</source>
        <translation>База данных отклонила изменение (правило: %1).</translation>
    </message>
    <message>
        <source>The database is busy: another program or window is writing to it. Try again.</source>
        <translation>База данных занята: в неё пишет другая программа или окно. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The database file is damaged or is not a database.</source>
        <translation>Файл базы данных повреждён или не является базой данных.</translation>
    </message>
    <message>
        <source>The database file cannot be opened.</source>
        <translation>Не удаётся открыть файл базы данных.</translation>
    </message>
    <message>
        <source>A database operation failed.</source>
        <translation>Операция с базой данных не выполнена.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>language</source>
        <translation>язык</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Русский</source>
        <translation>Русский</translation>
    </message>
</context>
<context>
    <name>ReviewKind</name>
    <message>
        <source>review kind</source>
        <translation>вид отзыва</translation>
    </message>
    <message>
        <source>Review of a renter</source>
        <translation>Отзыв об арендаторе</translation>
    </message>
    <message>
        <source>Review of a landlord</source>
        <translation>Отзыв об арендодателе</translation>
    </message>
    <message>
        <source>Review of an apartment</source>
        <translation>Отзыв о квартире</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>role</source>
        <translation>роль</translation>
    </message>
    <message>
        <source>Landlord</source>
        <translation>Арендодатель</translation>
    </message>
    <message>
        <source>Renter</source>
        <translation>Арендатор</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::MainWindow</name>
    <message>
        <source>RentDesk</source>
        <translation>RentDesk</translation>
    </message>
    <message>
        <source>Database: %1
Schema version %2</source>
        <translation>База данных: %1
Версия схемы %2</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About RentDesk</source>
        <translation>&amp;О программе RentDesk</translation>
    </message>
    <message>
        <source>About RentDesk</source>
        <translation>О программе RentDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;RentDesk %1&lt;/h3&gt;&lt;p&gt;Buildings, apartments, bookings and reviews for landlords and renters.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RentDesk %1&lt;/h3&gt;&lt;p&gt;Дома, квартиры, бронирования и отзывы для арендодателей и арендаторов.&lt;/p&gt;&lt;p&gt;Распространяется по лицензии GNU General Public License версии 3 или более поздней.&lt;/p&gt;</translation>
    </message>
</context>
</TS>
