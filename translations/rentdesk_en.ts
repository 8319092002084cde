<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>ApartmentStatus</name>
    <message>
        <source>apartment status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rented</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>%1 is ready (schema version %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingStatus</name>
    <message>
        <source>booking status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeError</name>
    <message>
        <source>“%1” is not a valid %2 (expected one of: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a lowercase UUID without braces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date written YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC time written YYYY-MM-DDThh:mm:ss.zzzZ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes/no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 or 1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>RentDesk: buildings, apartments, bookings and reviews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the database &lt;file&gt; (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or update the database, then exit without opening a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &lt;language&gt; (en or ru) for this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--database needs a file name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DbError</name>
    <message>
        <source>%1 is not a RentDesk database: it is not an SQLite file, or it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 is locked by another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2 is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is not installed (Debian package libqt6sql6-sqlite).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreign keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write-ahead logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synchronous=NORMAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untrusted schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot enable %1 on the database %2 (it reports &quot;%3&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not RentDesk&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer RentDesk (schema version %2; this release knows up to %3). Update RentDesk to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the database to version %1 (%2) failed; the database was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change refers to a record that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused the change (rule: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy: another program or window is writing to it. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged or is not a database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database operation failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Русский</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewKind</name>
    <message>
        <source>review kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review of a renter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review of a landlord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review of an apartment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landlord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::MainWindow</name>
    <message>
        <source>RentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1
Schema version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About RentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About RentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;RentDesk %1&lt;/h3&gt;&lt;p&gt;Buildings, apartments, bookings and reviews for landlords and renters.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
