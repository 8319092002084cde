<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AboutKind</name>
    <message>
        <source>subject of a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apartment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountService</name>
    <message>
        <source>The e-mail address or the password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at most 200 characters for the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name contains an invisible control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number has 3 to 32 characters: digits, spaces, +, - and brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts of a connected database are managed on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This e-mail address is already registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to protect the password; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name contains an invisible character (%1), such as a zero-width space or a text-direction mark; type it again without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name contains a code point that is not a character (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApartmentQuery</name>
    <message>
        <source>A price cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lowest price is above the highest price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The currency must be a three-letter code such as RUB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the currency of the price range: prices in different currencies do not compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of rooms cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minimum number of rooms is above the maximum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The area must be a number of square metres, not negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The smallest area is above the largest area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose both dates of the stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stay must end after the day it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minimum rating must be from 1 to 5 stars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search text may be at most 200 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The landlord is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page holds 1 to 1000 apartments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page cannot start before the first apartment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apartment %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>Added demo data: %1 users, %2 buildings, %3 apartments, %4 bookings, %5 reviews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has data; no demo data was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart RentDesk?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new database file is opened when RentDesk starts again. Restart now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a replica of a server account; the server sends its mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail server is set up: give --smtp URL, or set one up in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail: %1 sent, %2 not sent, %3 waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is rentdesk-server&apos;s database; RentDesk does not open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a replica of a server account: it gets its data from the server, and no demo data was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No demo data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingQuery</name>
    <message>
        <source>Your account was not found; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period must end after the day it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The apartment is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page holds 1 to 1000 bookings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page cannot start before the first booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This apartment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking is not known.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingService</name>
    <message>
        <source>This booking no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This apartment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The apartment is taken from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking is %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the first night.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the day of departure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The departure must be after the first night.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stay cannot start before today (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only renters can request a booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have already asked for these dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can confirm or decline its bookings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a request can be confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stay was to start on %1, which has passed; the renter must ask for new dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a request can be declined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the renter who made a booking can cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a request or a confirmed stay can be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This stay is over; it cannot be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server moves bookings on with time for a connected database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This stay is over; there are no nights left to hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can hold its nights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the renter and the landlord of a stay have its confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a confirmed stay has a confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The landlord has blocked the apartment from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The apartment is blocked from %1 to %2 by the calendar %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A calendar is named by its file or address, of up to 500 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can block its dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event “%1” from %2 to %3 overlaps: %4 Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These nights are over; there are none left to block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can block its nights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>these nights are blocked by the calendar %1; they are freed when its event is gone from it and the calendar is imported again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This calendar&apos;s coming events take %1 KB; a connected database sends at most %2 KB of them to its server at once. Import a calendar that reaches less far ahead.</source>
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
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingTableModel</name>
    <message>
        <source>Apartment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingsPage</name>
    <message numerus="yes">
        <source>%1 – %2 (%n night(s))</source>
        <translation>
            <numerusform>%1 – %2 (%n night)</numerusform>
            <numerusform>%1 – %2 (%n nights)</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by the calendar %1 (its event %2): let elsewhere, no renter here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by the owner, %1: no renter is named.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nights held by the owner, %1: no renter is named.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, apartment %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuildingQuery</name>
    <message>
        <source>The search text may be at most 200 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The landlord is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page holds 1 to 1000 buildings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page cannot start before the first building.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuildingTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apartments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarFeedService</name>
    <message>
        <source>Calendars are published by the server only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This apartment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can publish its calendar.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarImport</name>
    <message>
        <source>The calendar&apos;s events are not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change names no apartment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change names no calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>they are not a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1 is not [UID, first night, departure, summary].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1 has the UID of an earlier one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarQuery</name>
    <message>
        <source>This apartment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked (RentDesk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by the landlord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarSubscriptionService</name>
    <message>
        <source>This apartment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can follow calendars for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the address of the calendar (.ics) to follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A calendar&apos;s address has at most 500 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a web address; it starts with https:// or http://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only https:// and http:// addresses can be followed (webcal:// is https:// on most sites).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address names no server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An address with a user name or password is not accepted: it would be stored and shown in clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This apartment already follows this calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This calendar is no longer followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a connected database the server follows the calendars: change them through the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CellFormat</name>
    <message>
        <source>not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeText</name>
    <message>
        <source>apartment %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an apartment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New building “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to the building “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting a building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New apartment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to apartment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New status of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking request for %1, arriving %2, leaving %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirming a booking request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declining a booking request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling a booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A review with %n star(s)</source>
        <translation>
            <numerusform>A review with %n star</numerusform>
            <numerusform>A review with %n stars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes to a review, %n star(s)</source>
        <translation>
            <numerusform>Changes to a review, %n star</numerusform>
            <numerusform>Changes to a review, %n stars</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting a review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The apartment is already taken for some of these nights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These dates are in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have already asked for overlapping dates in this apartment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking had already changed on the server (decided, cancelled or over).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this change refers to no longer exists on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account may not make this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have already reviewed this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A review needs a stay between you first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The building still has apartments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The apartment has requested or confirmed stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The building already has an apartment with this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It needs an earlier change that the server refused too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not accept one of the values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not store it; retrying later may work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (The server says: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nights held in %1, from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nights blocked in %1, from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Calendar “%1” imported into %2, %n coming event(s)</source>
        <translation>
            <numerusform>Calendar “%1” imported into %2, %n coming event</numerusform>
            <numerusform>Calendar “%1” imported into %2, %n coming events</numerusform>
        </translation>
    </message>
    <message>
        <source>New photo of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving a photo to place %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing a photo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatQueue</name>
    <message>
        <source>An unsent chat message cannot be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatService</name>
    <message>
        <source>This conversation was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat goes through the server; this database does not keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which apartment or booking the conversation is about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a title of 1 to 200 characters for what the conversation is about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account has this e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot start a conversation with yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message needs an identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message contains a character that cannot be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message may be at most 4000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be stored; send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message identifier is already used by another message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for 1 to 200 messages at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages are numbered from 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message number cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation has no message %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page has 1 to %1 conversations.</source>
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
    <message>
        <source>Fill an empty database with demo data (the demo accounts are in README.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &lt;count&gt; apartments of demo data (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-apartments needs --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-apartments needs a whole number from 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send mail through &lt;url&gt; for this run: smtps://user@host:465 (TLS), smtp://user@host:587 (STARTTLS, required) or smtp+insecure://host:25 (a local relay, unencrypted). The password comes from RENTDESK_SMTP_PASSWORD or the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust the CA certificates in &lt;file&gt; (PEM) for the mail server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send mail as &lt;sender&gt;, e.g. &quot;RentDesk &lt;rentdesk@example.org&gt;&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up on the mail server after &lt;seconds&gt; without an answer (default: 30 to connect, 60 for a reply).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send one test mail to &lt;address&gt; with the mail settings and exit, without a window (exit codes in README.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the mails waiting in the database&apos;s outbox with the mail settings, then exit without a window (for a scheduled job).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--smtp-timeout needs a whole number of seconds from 1 to 3600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--send-test-mail runs alone; leave out --init-only and --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--send-outbox runs alone; leave out --init-only and --send-test-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat through the rentdesk-server at &lt;url&gt; for this run (ws://host:port, or wss://host:port for TLS) instead of the one in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--server needs ws://host:port or wss://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--server: ws:// would send your password unencrypted across the network; use wss://, or ws:// only to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every row of the &lt;table&gt; page (apartments, buildings, bookings or reviews) as CSV to the file named after the options (- for standard output), then exit without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --export-csv bookings: whose bookings, a renter&apos;s own or those of a landlord&apos;s apartments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --export-csv: the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--export-csv needs one of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--export-csv needs the file to write after the options (- for standard output).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--export-csv runs alone; leave out --init-only, --send-outbox and --send-test-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--export-csv bookings needs --as with a renter&apos;s or a landlord&apos;s e-mail; the other tables take no --as.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--as goes with --export-csv bookings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write each apartment&apos;s stays and blocked dates as an iCalendar file &lt;folder&gt;/&lt;apartment id&gt;.ics, then exit without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block the dates of the iCalendar &lt;file&gt;&apos;s events in the apartment given with --apartment (importing a newer file of the same name updates them), then exit without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --import-ics: the apartment&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--export-ics and --import-ics run alone; leave out the other commands (--init-only, --export-csv, --send-outbox, --send-test-mail).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--export-ics needs a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--import-ics FILE goes with --apartment ID: the calendar, and the apartment whose dates it blocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--apartment needs an apartment&apos;s id, such as 3f2b9c1e-8d4a-4c6b-9e1f-2a7d5c3b8e90.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmationDocument</name>
    <message>
        <source>Print booking confirmation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>The file could not be written: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (currency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardQuery</name>
    <message>
        <source>A chart shows from 1 to 36 months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard shows a landlord&apos;s figures; sign in as a landlord to see yours.</source>
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
    <message>
        <source>Qt&apos;s SQLite driver does not use RentDesk&apos;s SQLite library (%1); RentDesk needs Qt built against the system&apos;s libsqlite3, as Debian&apos;s libqt6sql6-sqlite is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes cannot be recorded: the database connection is closed or is not SQLite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recorded change to %1 could not be undone or replayed: the database refused it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recorded change could not be undone or replayed: it refers to a record that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to %1 cannot be recorded: the table does not exist or has no primary key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a RentDesk database of schema version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 is open on another thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot put %1 in place of the database %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another program has it open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 runs PostgreSQL %2; RentDesk needs 13 or newer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds tables of another program, not RentDesk&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PostgreSQL database is not replaced by a file (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PostgreSQL address RentDesk can use: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write it as postgresql://user@host:port/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password must not be in the address; put it in PGPASSWORD or ~/.pgpass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names no database (…/database at the end).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the option %1 is not one RentDesk passes to libpq.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value of %1 is empty or has a space, quote, ; or \.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver is not installed (Debian package libqt6sql6-psql).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy with other changes to the same records. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 sorts text by a language&apos;s rules; RentDesk needs byte order. Create it with: createdb --template=template0 --encoding=UTF8 --lc-collate=C --lc-ctype=C.UTF-8 NAME</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>The demo needs between 1 and %1 apartments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo needs today&apos;s date, between 2000 and 2199.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database already has data; demo data goes only into an empty database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data was cancelled; nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoDataProgress</name>
    <message>
        <source>Demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the demo data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the indexes…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsQuery</name>
    <message>
        <source>This apartment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person&apos;s account no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This building no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only its renter and its landlord talk about a booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your own apartment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apartment %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DomainError</name>
    <message>
        <source>The database holds a value RentDesk cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person&apos;s account was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account was not found; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identifier is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This e-mail address is already registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name of up to 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number has 3 to 32 characters: digits, spaces, +, - and brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose landlord or renter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose English or Russian.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating totals are not consistent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only landlords can own buildings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the building&apos;s name (up to 200 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the building&apos;s address (up to 500 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the city (up to 100 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A building has 1 to 300 floors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The year built must be between 1000 and 2200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This building already has an apartment with this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the apartment number (up to 20 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The floor must be between -5 and 300.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An apartment has 1 to 50 rooms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The area must be more than 0 and at most 100000 m².</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The monthly price must be between 0 and 1000000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The currency must be a three-letter code such as RUB or EUR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose free, booked or rented.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a booked or rented apartment has a renter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description may be at most 5000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid end date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stay must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking status is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total price of the stay is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking&apos;s decision is not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only renters can book apartments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind of review is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what the review is about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot review yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give 1 to 5 stars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A review may be at most 5000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have already reviewed this person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have already reviewed this apartment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landlords review renters; renters review landlords and apartments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The author and subject of a review cannot change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change refers to a record that no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value has the wrong type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session could not be stored; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot start a conversation with yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation could not be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conversation can be about an apartment or a booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what the conversation is about: its kind, identifier and title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a title of 1 to 200 characters for what the conversation is about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation&apos;s count of messages is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have a conversation with this person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have a conversation with this person about this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages are numbered from 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message has 1 to 4000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be numbered; send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message number cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message cannot be read before it has been delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This id is already used by another record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These dates overlap a confirmed stay or blocked dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only blocked dates come from a calendar, and they name the calendar (up to 500 characters) and the event (up to 1000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar has this event twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar&apos;s address could not be stored; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A calendar&apos;s address has 1 to 500 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A calendar&apos;s address starts with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This apartment already follows this calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of events is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A photo&apos;s place in the gallery cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s image is not named by a valid SHA-256 hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s thumbnail is not named by a valid SHA-256 hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored photo is 1 to 2048 pixels wide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored photo is 1 to 2048 pixels high.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s bytes are not named by a valid SHA-256 hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s stored size does not match its bytes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailAddress</name>
    <message>
        <source>The e-mail address contains a control character (%1); type it again without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address contains an invisible character (%1), such as a zero-width space or a text-direction mark; type it again without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An e-mail address has no spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address contains a code point that is not a character (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before @ cannot start or end with a dot or have two dots in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before @ cannot contain “%1”; it may have letters, digits, dots and ! # $ % &amp; &apos; * + - / = ? ^ _ ` { | } ~.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before @ is too long: at most %1 characters, fewer for letters outside the Latin alphabet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain after @ is not a valid international domain name, or a part of it is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain after @ cannot contain “%1”; it may have letters, digits, hyphens and dots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A part of the domain cannot start or end with a hyphen: “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain after @ has an empty part: remove the extra dot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain after @ needs at least two parts, like example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A part of the domain is too long: at most %1 characters, fewer for letters outside the Latin alphabet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last part of the domain cannot be only digits; give a domain name, not an IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an e-mail address; it looks like name@example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address is too long: at most %1 characters, fewer for letters outside the Latin alphabet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>%1 could not be written: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n row to %1.</numerusform>
            <numerusform>Wrote %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ICalendar</name>
    <message>
        <source>The calendar is larger than %1, the most RentDesk reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the date %2 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the time %2 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the calendar has more than %2 events, the most RentDesk reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an iCalendar file: it does not begin with BEGIN:VCALENDAR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the file goes on after the end of the calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the text is not UTF-8; the file may be in another encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: END:%2 does not close BEGIN:%3 of line %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: BEGIN:%2 has no END; the file may be cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the time zone has no TZID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: this is not an iCalendar line: “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: “%2” is not a property of an iCalendar file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the %2 value “%3” cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a parameter of %2 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the event has no UID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the event “%2” has no start date (DTSTART).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the time zone “%2” is not defined in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the UID “%2” is used by the event of line %3 too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the event has both an end (DTEND) and a length (DURATION).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the event does not end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the event lasts %2 nights; RentDesk reads stays of at most %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the event repeats more than once a day, which RentDesk does not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the repeat rule cannot be followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the event repeats too often to be worked out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the UID “%2” is used by another event too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the occurrence “%2” is changed by the event of line %3 too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar file %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IcsCommand</name>
    <message>
        <source>The folder %1 could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n calendar(s) to %1 (stays and blocked dates in all: %2).</source>
        <translation>
            <numerusform>Wrote %n calendar to %1 (stays and blocked dates in all: %2).</numerusform>
            <numerusform>Wrote %n calendars to %1 (stays and blocked dates in all: %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 new, %3 moved, %4 unchanged, %5 removed, %6 left out (over, or this database&apos;s own stays); %7 request(s) declined.</source>
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
    <name>ListingService</name>
    <message>
        <source>This building no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This apartment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only landlords can list buildings and apartments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the building&apos;s owner can change or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can change or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the building&apos;s name (up to 200 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the building&apos;s address (up to 500 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the city (up to 100 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A building has 1 to 300 floors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The year built must be between 1000 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the apartment number (up to 20 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The floor must be between -5 and %1, the building&apos;s top floor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An apartment has 1 to 50 rooms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The area must be more than 0 and at most 100000 m².</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The monthly price must be between 0 and 1000000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The currency must be a three-letter code such as RUB or EUR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description may be at most 5000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This building already has an apartment number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An apartment of this building is on floor %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The building still has %n apartment(s); delete them first.</source>
        <translation>
            <numerusform>The building still has %n apartment; delete it first.</numerusform>
            <numerusform>The building still has %n apartments; delete them first.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can add apartments only to your own buildings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The apartment has %n active booking(s); decline or wait for them first.</source>
        <translation>
            <numerusform>The apartment has %n active booking; decline it or wait for it to end first.</numerusform>
            <numerusform>The apartment has %n active bookings; decline them or wait for them to end first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailAddress</name>
    <message>
        <source>The e-mail address is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: a quote is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: &apos;&lt;&apos; is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: there is text after &apos;&gt;&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: the name contains a line break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: the address is longer than 254 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: the address contains a space or a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: it needs one &apos;@&apos; with text on both sides, like name@example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: &apos;%2&apos; is not allowed in it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailConfig</name>
    <message>
        <source>The CA file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CA file is of no use with smtp+insecure://, which does not use TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sender address: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailEvent</name>
    <message>
        <source>mail event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailSetup</name>
    <message>
        <source>The keyring did not give the password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail server is set up: give --smtp URL, or set one up in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test mail to %1 was accepted by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring did not keep the password: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailStatus</name>
    <message>
        <source>mail status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailTemplates</name>
    <message>
        <source>The mail cannot be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mode</name>
    <message>
        <source>The database does not say whether it is standalone, connected or a server&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database does not say whether it is standalone, connected or a server&apos;s (it says “%1”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a desktop&apos;s replica of a server account; a server cannot run on it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mutations</name>
    <message>
        <source>The change&apos;s “%1” is not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an amount in minor units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a known value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a change RentDesk knows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OccupancyModel</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OccupancyQuery</name>
    <message>
        <source>The calendar asks about at most 1000 apartments at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar shows from 1 to 400 days, the last after the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account was not found; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxStore</name>
    <message>
        <source>A queued mail cannot be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This mail is no longer waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageExport</name>
    <message>
        <source>Export %1 to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not written. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>%n row exported to %1.</numerusform>
            <numerusform>%n rows exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PageModels</name>
    <message>
        <source>Bookings are a person&apos;s: say whose, a renter&apos;s or a landlord&apos;s e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one has the e-mail address %1 here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no table called %1; there are %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Passwords</name>
    <message>
        <source>Use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password is too easy to guess: it is a well-known password or made of common words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password is too easy to guess: it is made of your name or e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password is too easy to guess: it follows the keyboard, like qwerty or 1qaz2wsx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password is too easy to guess: it is a sequence, like 12345 or abcdef.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password is too easy to guess: it repeats itself, like abcabc or 11111.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password is too easy to guess: it is mostly a date or a year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password is too easy to guess: make it longer, for example with a few unrelated words.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoImage</name>
    <message>
        <source>The image could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebP images cannot be read on this computer: Qt&apos;s image format plugins (Debian&apos;s qt6-image-formats-plugins) are not installed. Choose a JPEG or PNG image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a JPEG, PNG or WebP image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image&apos;s size could not be read; the file may be damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is %1 × %2 pixels; each side must be between %3 and %4 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has %1 megapixels; a photo may have at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be decoded; the file may be damaged or incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image&apos;s data does not match its header; the file may be damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo could not be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has %1 MB; a photo may have at most %2 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored photo is not a JPEG image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored photo is %1 × %2 pixels; each side may be at most %3 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored photo could not be decoded; it may be damaged or incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoService</name>
    <message>
        <source>This photo no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This apartment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can add, move or remove its photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An apartment may have at most %1 photos; remove one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A photo&apos;s place must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a landlord uploads photos, of their own apartments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A photo&apos;s image is named by its SHA-256: 64 hex digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s image has not been uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s thumbnail has not been uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s size (%1 × %2) is not its image&apos;s (%3 × %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored photo may have at most %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s bytes do not have this SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such photo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Publication</name>
    <message>
        <source>This photo&apos;s bytes are no longer in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file with this photo&apos;s bytes is not open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Replica</name>
    <message>
        <source>A replica of a server account is made in a new, empty database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is not a replica of a server account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This replica does not say which account it is of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This replica&apos;s account or client id is unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a row this RentDesk cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change is not among the refused ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This replica must be opened again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplicaSession</name>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the replica of another account.</source>
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
    <name>ReviewQuery</name>
    <message>
        <source>The minimum rating must be from 1 to 5 stars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The author is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person reviewed is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The apartment reviewed is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page holds 1 to 1000 reviews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page cannot start before the first review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewService</name>
    <message>
        <source>A review may be at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give 1 to 5 stars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This review no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this review is about no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only landlords review renters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only renters review landlords and apartments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This apartment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is not a renter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is not a landlord.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can write a review only after a confirmed stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have already reviewed this; edit your review instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the author can change or delete a review.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
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
    <name>RowFormat</name>
    <message>
        <source>The server sent a %1 whose “%2” is unusable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerAccount</name>
    <message>
        <source>Give the server&apos;s address first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the server as ws://host:port or wss://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ws:// would send your password unencrypted across the network: use wss://, or ws:// only to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail or the password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins; wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Too many failed sign-ins; wait %n second and try again.</numerusform>
            <numerusform>Too many failed sign-ins; wait %n seconds and try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerSync</name>
    <message>
        <source>This change needs an earlier change of yours that was refused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionService</name>
    <message>
        <source>The session has ended; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions are kept by the server only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session lasts from one second to ten years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system has no source of random numbers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmtpSettings</name>
    <message>
        <source>The mail server URL is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid mail server URL (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not start with smtps://, smtp:// or smtp+insecure://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no mail server host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server URL must not hold the password: keep it in the keyring or in RENTDESK_SMTP_PASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a path; a mail server URL has only a user, a host and a port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a query or a fragment; a mail server URL has only a user, a host and a port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no valid port.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Snapshot</name>
    <message>
        <source>The server sent a first copy this RentDesk cannot read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This replica has changes of its own to send first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Click for the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes are kept on this computer and sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not signed in (%n change(s) waiting)</source>
        <translation>
            <numerusform>Not signed in (%n change waiting)</numerusform>
            <numerusform>Not signed in (%n changes waiting)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asks you to sign in again before it syncs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Offline (%n change(s) waiting)</source>
        <translation>
            <numerusform>Offline (%n change waiting)</numerusform>
            <numerusform>Offline (%n changes waiting)</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RentDesk tries again by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n change(s)</source>
        <translation>
            <numerusform>Syncing %n change</numerusform>
            <numerusform>Syncing %n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending your changes to %1 and fetching what changed there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything here agrees with %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WordSearch</name>
    <message>
        <source>The database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::models::itemmodels::ApartmentTableModel</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Furnished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 — owner: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::models::itemmodels::MailQueueModel</name>
    <message>
        <source>Not sent yet: the last try failed and it is tried again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server accepted it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server refused it; it is not tried again unless you retry it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded: it will not be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next try: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next try / Sent at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::models::itemmodels::PagedTableModel</name>
    <message>
        <source>Waiting to sync: the server has not received this change yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::net::calendar::CalendarFetcher</name>
    <message numerus="yes">
        <source>The calendar&apos;s server did not answer within %n second(s).</source>
        <translation>
            <numerusform>The calendar&apos;s server did not answer within %n second.</numerusform>
            <numerusform>The calendar&apos;s server did not answer within %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only https:// and http:// addresses are fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar is larger than %1 MB; it was not downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar is larger than %1 MB; it was not read further.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar&apos;s server could not be reached: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar&apos;s address sent RentDesk on more than %1 times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar&apos;s secure address sent RentDesk on to one that is not secure (%1); it was not followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar&apos;s server answered %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar was not read to its end: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unspecified address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a loopback address (the server itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an address of a private network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a link-local address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a carrier-grade NAT address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a multicast address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the broadcast address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reserved address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2; this server fetches calendars only from addresses on the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar&apos;s server %1 is at %2, %3; this server fetches calendars only from addresses on the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar&apos;s server %1 was not found: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::net::calendar::SubscriptionBackend</name>
    <message numerus="yes">
        <source>The calendars were asked for less than a minute ago; try again in %n second(s).</source>
        <translation>
            <numerusform>The calendars were asked for less than a minute ago; try again in %n second.</numerusform>
            <numerusform>The calendars were asked for less than a minute ago; try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection to the server was lost before it answered; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the server: the calendars this apartment follows are kept there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::net::chat::ChatClient</name>
    <message>
        <source>The server sent a conversation that is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a message that is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer to a message is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::net::connection::ServerConnection</name>
    <message>
        <source>The server %1 cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 would carry your password and session unencrypted across the network; use wss://, or ws:// only to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this version of RentDesk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time; connecting again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a frame that is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered a request this app did not make: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::net::mail::SmtpClient</name>
    <message>
        <source>The connection to %1 was closed by RentDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail server is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password for %1 at %2: store it in Settings (kept in the keyring) or set RENTDESK_SMTP_PASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent more than %2 bytes without finishing a reply; this is not an SMTP server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a line that is not an SMTP reply: &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a reply nobody asked for: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS; RentDesk does not send mail or a password in clear. Use smtps:// if the server takes TLS at once, or smtp+insecure:// only for a local relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent data after agreeing to STARTTLS; the connection was closed so that nothing sent in clear is taken as encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 offers no login method RentDesk knows (it offers %2; RentDesk uses PLAIN or LOGIN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer AUTH, but a user name is set; remove the user name if the server takes mail without a login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not take addresses with letters outside ASCII, such as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes mails of at most %2 bytes; this one has %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the connection: nothing takes mail on that port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection during the TLS handshake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection before the mail was accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not complete the connection within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is closing the connection: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the connection: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not speak ESMTP, so it cannot offer STARTTLS: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the greeting: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused STARTTLS: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the login of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused RSET: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the sender %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the recipient %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the mail to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::net::mail::TestMail</name>
    <message>
        <source>RentDesk test e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message was sent by RentDesk to check its mail settings.

Booking requests, confirmations and other notices will come from this address.

— %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test address: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::net::sync::SyncClient</name>
    <message>
        <source>The server is too old to sync (it speaks protocol version %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered a push without results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered a pull without a cursor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not say how large a photo&apos;s chunks may be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s bytes are no longer on this computer: add the photo again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server took a photo&apos;s bytes out of order.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ApartmentEditor</name>
    <message>
        <source>Edit apartment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New apartment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No buildings yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>A building in a list: its name, then its city.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Building:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Floor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rooms:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> m²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly &amp;price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Furn&amp;ished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pe&amp;ts allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ApartmentFilterBar</name>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search address, city, description…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices compare within one currency: choose it to set a price range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rooms ≥ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1★ and up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every apartment again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Furnished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every word must appear; the last one may be unfinished. Ctrl+F comes here; Down or Return goes on to the results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ApartmentsPage</name>
    <message numerus="yes">
        <source>%n apartment(s)</source>
        <translation>
            <numerusform>%n apartment</numerusform>
            <numerusform>%n apartments</numerusform>
        </translation>
    </message>
    <message>
        <source>No apartments are listed yet. Create a building, then add its apartments with Listing ▸ New apartment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No apartments are listed yet. Landlords&apos; listings appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No apartment matches these filters. Loosen one, or press Clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an apartment to see its building, owner, rating, reviews and bookings.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, apartment %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n room(s), %1, floor %2</source>
        <translation>
            <numerusform>%n room, %1, floor %2</numerusform>
            <numerusform>%n rooms, %1, floor %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Rating: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Furnished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfurnished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pets allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner: %1 (rating %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bookings you can see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see bookings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar address for other booking sites…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::BookingRequestDialog</name>
    <message>
        <source>Request a booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apartment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken night in your stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First night:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the first night, then the day of departure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now pick the day of departure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n night(s), about %1</source>
        <translation>
            <numerusform>%n night, about %1</numerusform>
            <numerusform>%n nights, about %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rentdesk::views::BookingsPage</name>
    <message>
        <source>Every status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staying between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n booking</numerusform>
            <numerusform>%n bookings</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in to see your bookings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No booking matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one has asked for your apartments yet. Requests appear here for you to confirm or decline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no bookings yet. Find an apartment on the Apartments page and choose Request booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a booking to see its stay, price and people.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2), rating %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reviews about them yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::BuildingEditor</name>
    <message>
        <source>Edit building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Floors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year built:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::BuildingsPage</name>
    <message>
        <source>Search name or address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n building(s)</source>
        <translation>
            <numerusform>%n building</numerusform>
            <numerusform>%n buildings</numerusform>
        </translation>
    </message>
    <message>
        <source>You have no buildings yet. Create one with Listing ▸ New building, then add its apartments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No building matches this search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No buildings are listed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a building to see its owner and apartments.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n floor(s)</source>
        <translation>
            <numerusform>%n floor</numerusform>
            <numerusform>%n floors</numerusform>
        </translation>
    </message>
    <message>
        <source>Built in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n apartment(s), %1 free</source>
        <translation>
            <numerusform>%n apartment, %1 free</numerusform>
            <numerusform>%n apartments, %1 free</numerusform>
        </translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::CalendarFeedDialog</name>
    <message>
        <source>Calendar address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Other booking sites subscribe to this address to see when the apartment is taken: its confirmed stays and blocked dates, without names. Copy it into the other site&apos;s calendar import. Anyone with the address sees those dates, so renew it if it went where it should not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Renew…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new address in place of this one, which then shows nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server for a new address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server for the address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server publishes the calendar at this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address comes from the server, and RentDesk is not connected to it now. Try again when it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not publish calendars. Its operator can turn it on with --feed-listen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner has its calendar address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This apartment is not on the server (yet): wait for the sync, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not give the address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the calendar a new address? Sites subscribed to the old one stop seeing when the apartment is taken, until you give them the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. Paste it into the other site&apos;s calendar import.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::CalendarPage</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Click a stay to see its booking.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n apartment(s)</source>
        <translation>
            <numerusform>%n apartment</numerusform>
            <numerusform>%n apartments</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Confirm…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove the block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ancel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only renters ask for nights; a landlord blocks the nights of their own apartments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier (Shift with the mouse wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later (Shift with the mouse wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requested (dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked (hatched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone else&apos;s stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag over free days of your apartment to block them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag over free days to ask for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken by another stay: arrival %1, departure %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar: details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::CalendarSubscriptionsDialog</name>
    <message>
        <source>Calendar subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;RentDesk reads these calendars (.ics addresses of other booking sites) when it starts and every three hours, and blocks the dates of their events. A calendar that cannot be read changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… address of the other site&apos;s calendar (.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop following the selected calendar and remove the dates it blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this apartment&apos;s calendars again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendars read again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This apartment follows no calendar yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop following this calendar?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RentDesk stops reading %1, and the dates it blocked are free again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar still followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the calendars…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Read: %n event(s)</source>
        <translation>
            <numerusform>Read: %n event</numerusform>
            <numerusform>Read: %n events</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;The server reads these calendars (.ics addresses of other booking sites) every three hours, also while this computer is off, and blocks the dates of their events on all your computers. A calendar that cannot be read changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendars this apartment follows are kept on the server: connect to it to see and change them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::CellDelegate</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ChatPanel</name>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail of the person to write to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a message (Ctrl+Enter sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody on the server has this e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation is not on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot start a conversation with yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the server again (Settings, Server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has a problem; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — sign in to a chat server in Settings, on the Server tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>messages you write are sent when the server is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conversation can be started only while connected to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no account on the chat server yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::Commands</name>
    <message>
        <source>Delete building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the building “%1”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete apartment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete apartment %1 in “%2”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete your review of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, apartment %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm %1&apos;s stay in apartment %2 from %3 to %4? Requests for overlapping dates are declined, and everyone is told by e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline %1&apos;s request for apartment %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel your booking of apartment %1 from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit and retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this change was about is not on this computer any more: discard the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save booking confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Calendar of %1 saved to %2 (%n stay(s) and blocked period(s)).</source>
        <translation>
            <numerusform>Calendar of %1 saved to %2 (%n stay or blocked period).</numerusform>
            <numerusform>Calendar of %1 saved to %2 (%n stays and blocked periods).</numerusform>
        </translation>
    </message>
    <message>
        <source>Import calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCalendar files (*.ics *.ical *.ifb);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 new, %3 moved, %4 unchanged and %5 removed blocked period(s); %6 request(s) declined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the block of apartment %1 from %2 to %3? Renters can ask for these nights again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block nights</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Block the nights from %1 to the departure on %2 (%n night(s))? Renters cannot ask for them, and requests over them are declined, with an e-mail.</source>
        <translation>
            <numerusform>Block the nights from %1 to the departure on %2 (%n night)? Renters cannot ask for them, and requests over them are declined, with an e-mail.</numerusform>
            <numerusform>Block the nights from %1 to the departure on %2 (%n nights)? Renters cannot ask for them, and requests over them are declined, with an e-mail.</numerusform>
        </translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not blocked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ConversationListModel</name>
    <message>
        <source>No messages yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::DashboardPage</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests to decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your rating from renters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your apartments&apos; rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apartment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renter</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The average of %n review(s) renters wrote about you</source>
        <translation>
            <numerusform>The average of %n review renters wrote about you</numerusform>
            <numerusform>The average of %n reviews renters wrote about you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The average of %n review(s) of your apartments</source>
        <translation>
            <numerusform>The average of %n review of your apartments</numerusform>
            <numerusform>The average of %n reviews of your apartments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>over %n apartment(s)</source>
        <translation>
            <numerusform>over %n apartment</numerusform>
            <numerusform>over %n apartments</numerusform>
        </translation>
    </message>
    <message>
        <source>Occupancy per month, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nights taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 nights taken (%4%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income per month: none in these months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income per month in %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed and completed stays; each stay&apos;s price spread over its nights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No arrivals or departures in the next %n day(s).</source>
        <translation>
            <numerusform>No arrivals or departures in the next %n day.</numerusform>
            <numerusform>No arrivals or departures in the next %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currenc&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Arrivals and departures in the ne&amp;xt %n day(s):</source>
        <translation>
            <numerusform>Arrivals and departures in the ne&amp;xt %n day:</numerusform>
            <numerusform>Arrivals and departures in the ne&amp;xt %n days:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rentdesk::views::FirstRunWizard</name>
    <message>
        <source>Welcome to RentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few questions, and RentDesk is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RentDesk keeps buildings, apartments, bookings and reviews for landlords and renters. It works on this computer on its own, or with a RentDesk server that landlords and renters share. Everything chosen here can be changed later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How do you want to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can connect to a server later, and publish what you made here to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Work on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is kept in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database on this computer already has data, so no demo data is added to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as landlord@rentdesk.example or renter@rentdesk.example with the password shown in the sign-in dialog. Without demo data RentDesk starts empty: create your account in the sign-in dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to a RentDesk server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rentdesk-server your landlord or renters use: wss:// (encrypted), or ws:// only to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: you can skip this page and set it up later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RentDesk e-mails renters and landlords when an account is made and when a booking is requested, confirmed, declined or cancelled. It sends through your mail provider&apos;s server; until one is set up, the messages wait in the Mail queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;up a mail server now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start RentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Add &amp;demo data (%n apartment(s), two demo accounts)</source>
        <translation>
            <numerusform>Add &amp;demo data (%n apartment, two demo accounts)</numerusform>
            <numerusform>Add &amp;demo data (%n apartments, two demo accounts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rentdesk::views::FirstSyncDialog</name>
    <message>
        <source>First sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RentDesk keeps a copy of what your account may see on this computer, so that you can work offline. Cancel stops for now: the copy keeps what arrived, and the sync goes on from there the next time you open this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for %1… %2 fetched so far; the sync goes on from there once the server answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync stopped: %1. RentDesk tries again by itself; %2 fetched so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching your data from %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::LoginDialog</name>
    <message>
        <source>Sign in to RentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database holds demo data. Sign in as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 10 characters; not your e-mail or name, not a well-known password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renter — I look for a place to live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landlord — I let apartments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I am a:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rentdesk-server your landlord or renters use: wss:// (encrypted), or ws:// only to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was created; signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the account on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::MailQueueDialog</name>
    <message>
        <source>Mail queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting and failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the mails still to be sent or looked at, or every mail, sent ones too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected mail again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up the selected mail: it will not be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the mail queue again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail queue cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail has been queued yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail server is set up: mails wait here until one is set up in Settings, on the Mail tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server has a problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not retried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the &quot;%1&quot; mail to %2? It will not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sending %n mail(s)…</source>
        <translation>
            <numerusform>Sending %n mail…</numerusform>
            <numerusform>Sending %n mails…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n mail(s) sent.</source>
        <translation>
            <numerusform>%1 of %n mail sent.</numerusform>
            <numerusform>%1 of %n mails sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent: the list says why.</source>
        <translation>
            <numerusform>%n not sent: the list says why.</numerusform>
            <numerusform>%n not sent: the list says why.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not all mails sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;all now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send every waiting and failed mail now; you can stop after the mail being sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending is stopped: mails wait here until you press Send all now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::MailSettingsPage</name>
    <message>
        <source>RentDesk sends booking notices through this mail server. Leave the server empty to send no mail: notices then wait in the mail queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS from the start (port 465)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No encryption — a local relay only (port 25)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without encryption, mail and the password go over the network unencrypted. Choose this only for a relay on this computer or on a network you trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail.example.org — empty: no mail is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Often the mailbox&apos;s address; empty: no log-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept until RentDesk closes (no keyring found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RENTDESK_SMTP_PASSWORD is set: RentDesk uses it instead of the password here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: more certificates to trust (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who the notices come from, as &quot;Name &lt;address&gt;&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;nder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved mail server cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring did not give the password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name &lt;address&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server name or address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::MailTestPanel</name>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the test e-mail goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send test e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send one e-mail with the settings above, before they are saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the mail settings above first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the mail server first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address to send the test e-mail to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to %1 through %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to %1 through %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test e-mail was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::MainActions</name>
    <message>
        <source>Sign &amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in or create an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log out / switch user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and let someone else sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close RentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;building…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List a new building (landlords)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;apartment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an apartment to one of your buildings (landlords)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Request booking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the owner for dates in the selected apartment (renters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the selected request (declines the requests it overlaps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ecline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline the selected request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;ncel booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel your selected booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the selected apartment, landlord or renter after a stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the tables again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About RentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apartments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the apartments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;uildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;ookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revie&amp;ws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language, database and mail server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mail queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail notifications waiting to be sent, and those that failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to the landlord of the selected apartment, or to the other person of the selected booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the chat panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in or create an account on a rentdesk-server; its data is kept here to work offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another server account kept on this computer, or the database of this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your changes and fetch the server&apos;s now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the server refused, with its reasons: edit and retry, or discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish to a server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your buildings, apartments and coming stays from this computer&apos;s database to a server account, once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rows this page shows, as its filter and sort show them, to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected stay&apos;s confirmation, in the renter&apos;s language, as a PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print confirmation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the selected stay&apos;s confirmation, in the renter&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dash&amp;board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to your figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected apartment&apos;s stays and blocked dates as an iCalendar file for other booking sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block the selected apartment&apos;s dates with another booking site&apos;s calendar (.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the occupancy calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address at which your server publishes the selected apartment&apos;s calendar, for other booking sites to subscribe to (connected to a server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar &amp;subscriptions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photos of the selected apartment from image files (JPEG, PNG or WebP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other booking sites&apos; calendars whose events block the selected apartment&apos;s dates, read every three hours (by this computer on a standalone database, by your server on a connected one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar add&amp;ress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hat</source>
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
        <source>About RentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;RentDesk %1&lt;/h3&gt;&lt;p&gt;Buildings, apartments, bookings and reviews for landlords and renters.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apartments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes made here that a server has not received yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail notifications waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;uildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;ookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to sync</source>
        <translation>
            <numerusform>%n change to sync</numerusform>
            <numerusform>%n changes to sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mail(s) queued</source>
        <translation>
            <numerusform>%n mail queued</numerusform>
            <numerusform>%n mails queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message>
        <source>Revie&amp;ws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail server is set up, so these mails wait. Set one up in Settings, on the Mail tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail server problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to open the mail queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>No chat server is set up (Settings, Server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account&apos;s e-mail notifications (sign-up, booking requested, confirmed, declined, cancelled) are sent by the server, %1, not from this computer: RentDesk queues no mail here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the server refused. Click to see why, and to retry or discard them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sync problem(s)</source>
        <translation>
            <numerusform>%n sync problem</numerusform>
            <numerusform>%n sync problems</numerusform>
        </translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last complete sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — sign in to your account again: click “Not signed in” in the status bar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish to a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a renter&apos;s account on the server. Sign in to a landlord&apos;s account, or create one, to publish your buildings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending was stopped in the mail queue; the mails wait there until it is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::MessageListModel</name>
    <message>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::OccupancyView</name>
    <message>
        <source>Occupancy calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apartments as rows and days as columns. Arrow keys move between days, Shift with Left or Right chooses nights, Enter asks for them or opens the stay under the cursor, the menu key shows what can be done with it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::PhotoCommands</name>
    <message>
        <source>Add photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added. Not added:</source>
        <translation>
            <numerusform>%n photo added. Not added:</numerusform>
            <numerusform>%n photos added. Not added:</numerusform>
        </translation>
    </message>
    <message>
        <source>Some photos not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added.</source>
        <translation>
            <numerusform>%n photo added.</numerusform>
            <numerusform>%n photos added.</numerusform>
        </translation>
    </message>
    <message>
        <source>Photo not moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this photo from the apartment? Renters will no longer see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo not removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::PhotoGallery</name>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photos from image files (JPEG, PNG or WebP), or drop them on the gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀</source>
        <extracomment>Moves the selected photo one place towards the first.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the photo one place earlier (Ctrl+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the photo one place later (Ctrl+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected photo (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a photo to see it larger; drag it to change the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos yet. Add them with Add…, or drop image files here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::PhotoListModel</name>
    <message>
        <source>Photo %1 of %2, %3 × %4</source>
        <extracomment>A photo in the gallery: its place and its size in pixels.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::PhotoViewer</name>
    <message>
        <source>Photo %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: its picture has not arrived from the server yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the full-size picture has not arrived from the server yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::PublishDialog</name>
    <message>
        <source>Publish to a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no buildings in this database yet: there is nothing to publish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These go to the server account you sign in to next: %1, %2 and %3. They keep their details; the database on this computer stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n building(s)</source>
        <translation>
            <numerusform>%n building</numerusform>
            <numerusform>%n buildings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n apartment(s)</source>
        <translation>
            <numerusform>%n apartment</numerusform>
            <numerusform>%n apartments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coming stay(s)</source>
        <translation>
            <numerusform>%n coming stay</numerusform>
            <numerusform>%n coming stays</numerusform>
        </translation>
    </message>
    <message>
        <source>Your renters here are accounts of this computer, not of the server, so a coming stay is published as nights you hold: nobody can book them, and the server does not name the renter. Staying only here: %1, %2 and %3. What the server refuses is listed when it answers, and kept in Sync problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n past stay(s)</source>
        <translation>
            <numerusform>%n past stay</numerusform>
            <numerusform>%n past stays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s)</source>
        <translation>
            <numerusform>%n review</numerusform>
            <numerusform>%n reviews</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in and &amp;publish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching your account first…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apartments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nights you hold: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apartment %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was published: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 changes answered by the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the server… %1 The rest is sent when it answers; it is kept on this computer until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Published: %n change(s).</source>
        <translation>
            <numerusform>Published: %n change.</numerusform>
            <numerusform>Published: %n changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were on the server already.</source>
        <translation>
            <numerusform>%n was on the server already.</numerusform>
            <numerusform>%n were on the server already.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not published: %n, listed below. Those the server refused stay in Sync problems.</source>
        <translation>
            <numerusform>Not published: %n, listed below. Those the server refused stay in Sync problems.</numerusform>
            <numerusform>Not published: %n, listed below. Those the server refused stay in Sync problems.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publishing stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing your changes: %1 of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked nights: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n period(s) from the calendar “%2”</source>
        <translation>
            <numerusform>%1: %n period from the calendar “%2”</numerusform>
            <numerusform>%1: %n periods from the calendar “%2”</numerusform>
        </translation>
    </message>
    <message>
        <source>Photos: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n photo(s)</source>
        <translation>
            <numerusform>%1: %n photo</numerusform>
            <numerusform>%1: %n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing this window now publishes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop keeps the changes made so far: they are sent with the next sync, and publishing again makes the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing this window does not stop publishing: the changes are kept on this computer and sent with the sync; what the server refuses stays in Sync problems.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ReviewEditor</name>
    <message>
        <source>Edit review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the renter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the landlord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the apartment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rating:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was good, what could be better?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;view:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ReviewsPage</name>
    <message>
        <source>About anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n star(s) and up</source>
        <translation>
            <numerusform>%n star and up</numerusform>
            <numerusform>%n stars and up</numerusform>
        </translation>
    </message>
    <message>
        <source>Only by or about me</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n review(s)</source>
        <translation>
            <numerusform>%n review</numerusform>
            <numerusform>%n reviews</numerusform>
        </translation>
    </message>
    <message>
        <source>No reviews by or about you yet. After a stay, choose Reviews ▸ Write review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No review matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reviews yet. Reviews appear after stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a review to read it in full.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ServerSettingsPage</name>
    <message>
        <source>The rentdesk-server to chat through: wss:// (encrypted), or ws:// on this computer or a trusted network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only to sign in; it is not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates an account on the server with this e-mail and password, and your name and role here; then signs in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was created; signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the server&apos;s address first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out. Messages not sent yet stay queued for this account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQLite file RentDesk works in. A new file is created and set up on the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RentDesk restarts to open another database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RentDesk databases (*.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;first-run assistant when RentDesk starts next</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::StarRatingWidget</name>
    <message>
        <source>No stars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 stars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::SwitchAccountDialog</name>
    <message>
        <source>Switch account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each server account you signed in to keeps its data on this computer, apart from the others. Open one, or this computer&apos;s own database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — open now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first sync not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt; on %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Kept in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer only (no server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::SyncProblemsDialog</name>
    <message>
        <source>Sync problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the server refused it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit and retry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the change in its editor with its values, to change them and send it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the change again as it is, once what stood in its way has gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the change; the server&apos;s data stays as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refused changes cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has accepted every change made here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n change(s) made here. Their effect is undone on this computer; each stays here until you retry or discard it.</source>
        <translation>
            <numerusform>The server refused %n change made here. Their effect is undone on this computer; each stays here until you retry or discard it.</numerusform>
            <numerusform>The server refused %n changes made here. Their effect is undone on this computer; each stays here until you retry or discard it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not retried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard “%1”? The server&apos;s data stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not discarded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rentdesk::views::TablePage</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
