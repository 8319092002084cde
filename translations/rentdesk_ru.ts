<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_US">
<context>
    <name>AboutKind</name>
    <message>
        <source>subject of a conversation</source>
        <translation>предмет разговора</translation>
    </message>
    <message>
        <source>Apartment</source>
        <translation>Квартира</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Бронирование</translation>
    </message>
</context>
<context>
    <name>AccountService</name>
    <message>
        <source>The e-mail address or the password is wrong.</source>
        <translation>Неверный адрес электронной почты или пароль.</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>Введите своё имя.</translation>
    </message>
    <message>
        <source>Use at most 200 characters for the name.</source>
        <translation>Имя может быть не длиннее 200 символов.</translation>
    </message>
    <message>
        <source>The name contains an invisible control character.</source>
        <translation>В имени есть невидимый управляющий символ.</translation>
    </message>
    <message>
        <source>A phone number has 3 to 32 characters: digits, spaces, +, - and brackets.</source>
        <translation>Номер телефона — от 3 до 32 символов: цифры, пробелы, +, - и скобки.</translation>
    </message>
    <message>
        <source>Enter your e-mail address.</source>
        <translation>Введите адрес электронной почты.</translation>
    </message>
    <message>
        <source>Accounts of a connected database are managed on the server.</source>
        <translation>Учётными записями подключённой базы данных управляет сервер.</translation>
    </message>
    <message>
        <source>This e-mail address is already registered.</source>
        <translation>Этот адрес электронной почты уже зарегистрирован.</translation>
    </message>
    <message>
        <source>Not enough memory to protect the password; try again.</source>
        <translation>Не хватает памяти, чтобы защитить пароль; попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Текущий пароль неверен.</translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation>Новый пароль совпадает с текущим.</translation>
    </message>
    <message>
        <source>The name contains an invisible character (%1), such as a zero-width space or a text-direction mark; type it again without it.</source>
        <translation>В имени есть невидимый символ (%1), например пробел нулевой ширины или знак направления текста; введите имя заново без него.</translation>
    </message>
    <message>
        <source>The name contains a code point that is not a character (%1).</source>
        <translation>В имени есть код, который не обозначает никакого символа (%1).</translation>
    </message>
</context>
<context>
    <name>ApartmentQuery</name>
    <message>
        <source>A price cannot be negative.</source>
        <translation>Цена не может быть отрицательной.</translation>
    </message>
    <message>
        <source>The lowest price is above the highest price.</source>
        <translation>Наименьшая цена больше наибольшей.</translation>
    </message>
    <message>
        <source>The currency must be a three-letter code such as RUB.</source>
        <translation>Валюта задаётся трёхбуквенным кодом, например RUB.</translation>
    </message>
    <message>
        <source>Choose the currency of the price range: prices in different currencies do not compare.</source>
        <translation>Выберите валюту диапазона цен: цены в разных валютах не сравниваются.</translation>
    </message>
    <message>
        <source>The number of rooms cannot be negative.</source>
        <translation>Число комнат не может быть отрицательным.</translation>
    </message>
    <message>
        <source>The minimum number of rooms is above the maximum.</source>
        <translation>Наименьшее число комнат больше наибольшего.</translation>
    </message>
    <message>
        <source>The area must be a number of square metres, not negative.</source>
        <translation>Площадь должна быть неотрицательным числом квадратных метров.</translation>
    </message>
    <message>
        <source>The smallest area is above the largest area.</source>
        <translation>Наименьшая площадь больше наибольшей.</translation>
    </message>
    <message>
        <source>Choose both dates of the stay.</source>
        <translation>Выберите обе даты проживания.</translation>
    </message>
    <message>
        <source>The stay must end after the day it starts.</source>
        <translation>Проживание должно заканчиваться позже дня заезда.</translation>
    </message>
    <message>
        <source>The minimum rating must be from 1 to 5 stars.</source>
        <translation>Минимальный рейтинг — от 1 до 5 звёзд.</translation>
    </message>
    <message>
        <source>The search text may be at most 200 characters long.</source>
        <translation>Текст поиска может содержать не более 200 символов.</translation>
    </message>
    <message>
        <source>The landlord is not known.</source>
        <translation>Арендодатель не определён.</translation>
    </message>
    <message>
        <source>A page holds 1 to 1000 apartments.</source>
        <translation>На странице может быть от 1 до 1000 квартир.</translation>
    </message>
    <message>
        <source>A page cannot start before the first apartment.</source>
        <translation>Страница не может начинаться раньше первой квартиры.</translation>
    </message>
    <message>
        <source>Apartment %1: %2</source>
        <translation>Квартира %1: %2</translation>
    </message>
</context>
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
    <message>
        <source>Added demo data: %1 users, %2 buildings, %3 apartments, %4 bookings, %5 reviews.</source>
        <translation>Добавлены демонстрационные данные: пользователей — %1, домов — %2, квартир — %3, бронирований — %4, отзывов — %5.</translation>
    </message>
    <message>
        <source>%1 already has data; no demo data was added.</source>
        <translation>В %1 уже есть данные; демонстрационные данные не добавлены.</translation>
    </message>
    <message>
        <source>Restart RentDesk?</source>
        <translation>Перезапустить RentDesk?</translation>
    </message>
    <message>
        <source>The new database file is opened when RentDesk starts again. Restart now?</source>
        <translation>Новый файл базы данных откроется после перезапуска RentDesk. Перезапустить сейчас?</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is a replica of a server account; the server sends its mail.</source>
        <translation>%1 — копия учётной записи на сервере; её почту отправляет сервер.</translation>
    </message>
    <message>
        <source>No mail server is set up: give --smtp URL, or set one up in Settings.</source>
        <translation>Почтовый сервер не настроен: укажите --smtp URL или настройте его в настройках.</translation>
    </message>
    <message>
        <source>Mail: %1 sent, %2 not sent, %3 waiting.</source>
        <translation>Почта: отправлено %1, не отправлено %2, ожидает %3.</translation>
    </message>
    <message>
        <source>Password not kept</source>
        <translation>Пароль не сохранён</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>This is rentdesk-server&apos;s database; RentDesk does not open it.</source>
        <translation>Это база данных rentdesk-server; RentDesk её не открывает.</translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation>Не открыто</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Не подключено</translation>
    </message>
    <message>
        <source>Switch account</source>
        <translation>Сменить учётную запись</translation>
    </message>
    <message>
        <source>%1 is a replica of a server account: it gets its data from the server, and no demo data was added.</source>
        <translation>%1 — копия учётной записи на сервере: она получает данные с сервера, демо-данные не добавлены.</translation>
    </message>
    <message>
        <source>No demo data</source>
        <translation>Демонстрационные данные не добавлены</translation>
    </message>
</context>
<context>
    <name>BookingQuery</name>
    <message>
        <source>Your account was not found; sign in again.</source>
        <translation>Ваша учётная запись не найдена; войдите снова.</translation>
    </message>
    <message>
        <source>Choose a valid date.</source>
        <translation>Выберите правильную дату.</translation>
    </message>
    <message>
        <source>The period must end after the day it starts.</source>
        <translation>Период должен заканчиваться позже, чем начинается.</translation>
    </message>
    <message>
        <source>The apartment is not known.</source>
        <translation>Такая квартира неизвестна.</translation>
    </message>
    <message>
        <source>A page holds 1 to 1000 bookings.</source>
        <translation>На странице от 1 до 1000 бронирований.</translation>
    </message>
    <message>
        <source>A page cannot start before the first booking.</source>
        <translation>Страница не может начинаться раньше первого бронирования.</translation>
    </message>
    <message>
        <source>Booking %1: %2</source>
        <translation>Бронирование %1: %2</translation>
    </message>
    <message>
        <source>This apartment no longer exists.</source>
        <translation>Этой квартиры больше нет.</translation>
    </message>
    <message>
        <source>The booking is not known.</source>
        <translation>Бронирование не найдено.</translation>
    </message>
</context>
<context>
    <name>BookingService</name>
    <message>
        <source>This booking no longer exists.</source>
        <translation>Этого бронирования больше нет.</translation>
    </message>
    <message>
        <source>This apartment no longer exists.</source>
        <translation>Этой квартиры больше нет.</translation>
    </message>
    <message>
        <source>The apartment is taken from %1 to %2.</source>
        <translation>Квартира занята с %1 по %2.</translation>
    </message>
    <message>
        <source>This booking is %1: %2</source>
        <translation>Это бронирование в состоянии «%1»: %2</translation>
    </message>
    <message>
        <source>Choose the first night.</source>
        <translation>Выберите первую ночь.</translation>
    </message>
    <message>
        <source>Choose the day of departure.</source>
        <translation>Выберите день выезда.</translation>
    </message>
    <message>
        <source>The departure must be after the first night.</source>
        <translation>День выезда должен быть позже первой ночи.</translation>
    </message>
    <message>
        <source>The stay cannot start before today (%1).</source>
        <translation>Проживание не может начаться раньше сегодняшнего дня (%1).</translation>
    </message>
    <message>
        <source>Only renters can request a booking.</source>
        <translation>Бронировать могут только арендаторы.</translation>
    </message>
    <message>
        <source>You have already asked for these dates.</source>
        <translation>Вы уже запросили эти даты.</translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can confirm or decline its bookings.</source>
        <translation>Подтверждать и отклонять бронирования может только владелец квартиры.</translation>
    </message>
    <message>
        <source>only a request can be confirmed.</source>
        <translation>подтвердить можно только запрос.</translation>
    </message>
    <message>
        <source>The stay was to start on %1, which has passed; the renter must ask for new dates.</source>
        <translation>Проживание должно было начаться %1, и эта дата прошла; арендатору нужно запросить новые даты.</translation>
    </message>
    <message>
        <source>only a request can be declined.</source>
        <translation>отклонить можно только запрос.</translation>
    </message>
    <message>
        <source>Only the renter who made a booking can cancel it.</source>
        <translation>Отменить бронирование может только арендатор, который его сделал.</translation>
    </message>
    <message>
        <source>only a request or a confirmed stay can be cancelled.</source>
        <translation>отменить можно только запрос или подтверждённое проживание.</translation>
    </message>
    <message>
        <source>This stay is over; it cannot be cancelled.</source>
        <translation>Это проживание уже закончилось; его нельзя отменить.</translation>
    </message>
    <message>
        <source>The server moves bookings on with time for a connected database.</source>
        <translation>Для подключённой базы данных бронирования по времени обновляет сервер.</translation>
    </message>
    <message>
        <source>This stay is over; there are no nights left to hold.</source>
        <translation>Этот срок прошёл: держать больше нечего.</translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can hold its nights.</source>
        <translation>Держать ночи квартиры может только её владелец.</translation>
    </message>
    <message>
        <source>Only the renter and the landlord of a stay have its confirmation.</source>
        <translation>Подтверждение проживания есть только у арендатора и арендодателя.</translation>
    </message>
    <message>
        <source>only a confirmed stay has a confirmation.</source>
        <translation>подтверждение есть только у подтверждённого проживания.</translation>
    </message>
    <message>
        <source>The landlord has blocked the apartment from %1 to %2.</source>
        <translation>Арендодатель закрыл квартиру для бронирования с %1 по %2.</translation>
    </message>
    <message>
        <source>The apartment is blocked from %1 to %2 by the calendar %3.</source>
        <translation>Квартира закрыта с %1 по %2 календарём %3.</translation>
    </message>
    <message>
        <source>A calendar is named by its file or address, of up to 500 characters.</source>
        <translation>Календарь называется по своему файлу или адресу длиной до 500 символов.</translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can block its dates.</source>
        <translation>Закрывать даты квартиры может только её владелец.</translation>
    </message>
    <message>
        <source>The event “%1” from %2 to %3 overlaps: %4 Nothing was imported.</source>
        <translation>Событие «%1» с %2 по %3 пересекается с другим: %4 Ничего не импортировано.</translation>
    </message>
    <message>
        <source>These nights are over; there are none left to block.</source>
        <translation>Эти ночи уже прошли; закрывать нечего.</translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can block its nights.</source>
        <translation>Закрыть ночи квартиры может только её владелец.</translation>
    </message>
    <message>
        <source>these nights are blocked by the calendar %1; they are freed when its event is gone from it and the calendar is imported again.</source>
        <translation>эти ночи закрыты календарём %1; они освободятся, когда его событие исчезнет из календаря и календарь будет импортирован снова.</translation>
    </message>
    <message>
        <source>This calendar&apos;s coming events take %1 KB; a connected database sends at most %2 KB of them to its server at once. Import a calendar that reaches less far ahead.</source>
        <translation>Предстоящие события этого календаря занимают %1 КБ; подключённая база данных отправляет своему серверу не больше %2 КБ за раз. Импортируйте календарь, который заглядывает не так далеко вперёд.</translation>
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
    <message>
        <source>Blocked</source>
        <translation>Закрыто</translation>
    </message>
</context>
<context>
    <name>BookingTableModel</name>
    <message>
        <source>Apartment</source>
        <translation>Квартира</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Дом</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Renter</source>
        <translation>Арендатор</translation>
    </message>
    <message>
        <source>First night</source>
        <translation>Первая ночь</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Выезд</translation>
    </message>
    <message>
        <source>Nights</source>
        <translation>Ночей</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Запрошено</translation>
    </message>
    <message>
        <source>Calendar: %1</source>
        <translation>Календарь: %1</translation>
    </message>
</context>
<context>
    <name>BookingsPage</name>
    <message numerus="yes">
        <source>%1 – %2 (%n night(s))</source>
        <translation>
            <numerusform>%1 – %2 (%n ночь)</numerusform>
            <numerusform>%1 – %2 (%n ночи)</numerusform>
            <numerusform>%1 – %2 (%n ночей)</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Сумма: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Статус: %1</translation>
    </message>
    <message>
        <source>Blocked by the calendar %1 (its event %2): let elsewhere, no renter here.</source>
        <translation>Закрыто календарём %1 (его событие %2): сдано на другом сайте, арендатора здесь нет.</translation>
    </message>
    <message>
        <source>Blocked by the owner, %1: no renter is named.</source>
        <translation>Закрыто владельцем, %1: арендатор не указан.</translation>
    </message>
    <message>
        <source>Nights held by the owner, %1: no renter is named.</source>
        <translation>Ночи, которые держит за собой владелец, %1: арендатор не указан.</translation>
    </message>
    <message>
        <source>Renter: %1</source>
        <translation>Арендатор: %1</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Владелец: %1</translation>
    </message>
    <message>
        <source>%1, apartment %2</source>
        <translation>%1, квартира %2</translation>
    </message>
</context>
<context>
    <name>BuildingQuery</name>
    <message>
        <source>The search text may be at most 200 characters long.</source>
        <translation>Текст поиска может быть не длиннее 200 символов.</translation>
    </message>
    <message>
        <source>The landlord is not known.</source>
        <translation>Такой арендодатель неизвестен.</translation>
    </message>
    <message>
        <source>A page holds 1 to 1000 buildings.</source>
        <translation>На странице от 1 до 1000 домов.</translation>
    </message>
    <message>
        <source>A page cannot start before the first building.</source>
        <translation>Страница не может начинаться раньше первого дома.</translation>
    </message>
    <message>
        <source>Building %1: %2</source>
        <translation>Дом %1: %2</translation>
    </message>
</context>
<context>
    <name>BuildingTableModel</name>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Floors</source>
        <translation>Этажей</translation>
    </message>
    <message>
        <source>Built</source>
        <translation>Построен</translation>
    </message>
    <message>
        <source>Apartments</source>
        <translation>Квартир</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Размещён</translation>
    </message>
</context>
<context>
    <name>CalendarFeedService</name>
    <message>
        <source>Calendars are published by the server only.</source>
        <translation>Календари публикует только сервер.</translation>
    </message>
    <message>
        <source>This apartment no longer exists.</source>
        <translation>Этой квартиры больше нет.</translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can publish its calendar.</source>
        <translation>Публиковать календарь квартиры может только её владелец.</translation>
    </message>
</context>
<context>
    <name>CalendarImport</name>
    <message>
        <source>The calendar&apos;s events are not valid: %1</source>
        <translation>События календаря недопустимы: %1</translation>
    </message>
    <message>
        <source>The change names no apartment.</source>
        <translation>В изменении не указана квартира.</translation>
    </message>
    <message>
        <source>The change names no calendar.</source>
        <translation>В изменении не указан календарь.</translation>
    </message>
    <message>
        <source>they are not a list.</source>
        <translation>это не список.</translation>
    </message>
    <message>
        <source>event %1 is not [UID, first night, departure, summary].</source>
        <translation>событие %1 — не [UID, первая ночь, выезд, описание].</translation>
    </message>
    <message>
        <source>event %1 has the UID of an earlier one.</source>
        <translation>у события %1 тот же UID, что у одного из предыдущих.</translation>
    </message>
</context>
<context>
    <name>CalendarQuery</name>
    <message>
        <source>This apartment no longer exists.</source>
        <translation>Этой квартиры больше нет.</translation>
    </message>
    <message>
        <source>Booked (RentDesk)</source>
        <translation>Забронировано (RentDesk)</translation>
    </message>
    <message>
        <source>Blocked by the landlord</source>
        <translation>Закрыто арендодателем</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>Закрыто: %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>CalendarSubscriptionService</name>
    <message>
        <source>This apartment no longer exists.</source>
        <translation>Этой квартиры больше нет.</translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can follow calendars for it.</source>
        <translation>Следить за календарями квартиры может только её владелец.</translation>
    </message>
    <message>
        <source>Give the address of the calendar (.ics) to follow.</source>
        <translation>Укажите адрес календаря (.ics), за которым следить.</translation>
    </message>
    <message>
        <source>A calendar&apos;s address has at most 500 characters.</source>
        <translation>Адрес календаря — не более 500 символов.</translation>
    </message>
    <message>
        <source>This is not a web address; it starts with https:// or http://.</source>
        <translation>Это не веб-адрес; он начинается с https:// или http://.</translation>
    </message>
    <message>
        <source>Only https:// and http:// addresses can be followed (webcal:// is https:// on most sites).</source>
        <translation>Следить можно только за адресами https:// и http:// (webcal:// на большинстве сайтов — это https://).</translation>
    </message>
    <message>
        <source>The address names no server.</source>
        <translation>В адресе не указан сервер.</translation>
    </message>
    <message>
        <source>An address with a user name or password is not accepted: it would be stored and shown in clear.</source>
        <translation>Адрес с именем пользователя или паролем не принимается: они хранились бы и показывались открытым текстом.</translation>
    </message>
    <message>
        <source>This apartment already follows this calendar.</source>
        <translation>Квартира уже следит за этим календарём.</translation>
    </message>
    <message>
        <source>This calendar is no longer followed.</source>
        <translation>За этим календарём больше не следят.</translation>
    </message>
    <message>
        <source>On a connected database the server follows the calendars: change them through the server.</source>
        <translation>На подключённой базе календари отслеживает сервер: меняйте их через сервер.</translation>
    </message>
</context>
<context>
    <name>CellFormat</name>
    <message>
        <source>not rated</source>
        <translation>нет оценок</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation>%1 м²</translation>
    </message>
    <message>
        <source>%1 of 5</source>
        <translation>%1 из 5</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>ChangeText</name>
    <message>
        <source>apartment %1, %2</source>
        <translation>квартира %1, %2</translation>
    </message>
    <message>
        <source>an apartment</source>
        <translation>квартира</translation>
    </message>
    <message>
        <source>New building “%1”</source>
        <translation>Новое здание «%1»</translation>
    </message>
    <message>
        <source>Changes to the building “%1”</source>
        <translation>Изменения здания «%1»</translation>
    </message>
    <message>
        <source>Deleting a building</source>
        <translation>Удаление здания</translation>
    </message>
    <message>
        <source>New apartment %1</source>
        <translation>Новая квартира %1</translation>
    </message>
    <message>
        <source>Changes to apartment %1</source>
        <translation>Изменения квартиры %1</translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation>Удаление: %1</translation>
    </message>
    <message>
        <source>New status of %1</source>
        <translation>Новый статус: %1</translation>
    </message>
    <message>
        <source>Booking request for %1, arriving %2, leaving %3</source>
        <translation>Запрос на бронирование: %1, заезд %2, выезд %3</translation>
    </message>
    <message>
        <source>Confirming a booking request</source>
        <translation>Подтверждение запроса на бронирование</translation>
    </message>
    <message>
        <source>Declining a booking request</source>
        <translation>Отклонение запроса на бронирование</translation>
    </message>
    <message>
        <source>Cancelling a booking</source>
        <translation>Отмена бронирования</translation>
    </message>
    <message numerus="yes">
        <source>A review with %n star(s)</source>
        <translation>
            <numerusform>Отзыв с %n звездой</numerusform>
            <numerusform>Отзыв с %n звёздами</numerusform>
            <numerusform>Отзыв с %n звёздами</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes to a review, %n star(s)</source>
        <translation>
            <numerusform>Изменения отзыва, %n звезда</numerusform>
            <numerusform>Изменения отзыва, %n звезды</numerusform>
            <numerusform>Изменения отзыва, %n звёзд</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting a review</source>
        <translation>Удаление отзыва</translation>
    </message>
    <message>
        <source>The apartment is already taken for some of these nights.</source>
        <translation>Квартира уже занята на некоторые из этих ночей.</translation>
    </message>
    <message>
        <source>These dates are in the past.</source>
        <translation>Эти даты уже прошли.</translation>
    </message>
    <message>
        <source>You have already asked for overlapping dates in this apartment.</source>
        <translation>Вы уже запросили пересекающиеся даты в этой квартире.</translation>
    </message>
    <message>
        <source>The booking had already changed on the server (decided, cancelled or over).</source>
        <translation>Бронирование на сервере уже изменилось (решено, отменено или завершено).</translation>
    </message>
    <message>
        <source>What this change refers to no longer exists on the server.</source>
        <translation>То, к чему относится это изменение, на сервере больше не существует.</translation>
    </message>
    <message>
        <source>Your account may not make this change.</source>
        <translation>Вашей учётной записи нельзя вносить это изменение.</translation>
    </message>
    <message>
        <source>You have already reviewed this.</source>
        <translation>Вы уже оставили отзыв об этом.</translation>
    </message>
    <message>
        <source>A review needs a stay between you first.</source>
        <translation>Для отзыва сначала нужно проживание между вами.</translation>
    </message>
    <message>
        <source>The building still has apartments.</source>
        <translation>В здании ещё есть квартиры.</translation>
    </message>
    <message>
        <source>The apartment has requested or confirmed stays.</source>
        <translation>У квартиры есть запрошенные или подтверждённые проживания.</translation>
    </message>
    <message>
        <source>The building already has an apartment with this number.</source>
        <translation>В здании уже есть квартира с этим номером.</translation>
    </message>
    <message>
        <source>It needs an earlier change that the server refused too.</source>
        <translation>Оно зависит от более раннего изменения, которое сервер тоже отклонил.</translation>
    </message>
    <message>
        <source>The server does not accept one of the values.</source>
        <translation>Сервер не принимает одно из значений.</translation>
    </message>
    <message>
        <source>The server could not store it; retrying later may work.</source>
        <translation>Сервер не смог его сохранить; повтор позже может помочь.</translation>
    </message>
    <message>
        <source>The server refused the change.</source>
        <translation>Сервер отклонил изменение.</translation>
    </message>
    <message>
        <source>%1 (The server says: %2)</source>
        <translation>%1 (Ответ сервера: %2)</translation>
    </message>
    <message>
        <source>Nights held in %1, from %2 to %3</source>
        <translation>Ночи за собой: %1, с %2 по %3</translation>
    </message>
    <message>
        <source>Nights blocked in %1, from %2 to %3</source>
        <translation>Ночи закрыты в %1, с %2 по %3</translation>
    </message>
    <message numerus="yes">
        <source>Calendar “%1” imported into %2, %n coming event(s)</source>
        <translation>
            <numerusform>Календарь «%1» импортирован в %2, %n предстоящее событие</numerusform>
            <numerusform>Календарь «%1» импортирован в %2, %n предстоящих события</numerusform>
            <numerusform>Календарь «%1» импортирован в %2, %n предстоящих событий</numerusform>
        </translation>
    </message>
    <message>
        <source>New photo of %1</source>
        <translation>Новая фотография: %1</translation>
    </message>
    <message>
        <source>Moving a photo to place %1</source>
        <translation>Перемещение фотографии на место %1</translation>
    </message>
    <message>
        <source>Removing a photo</source>
        <translation>Удаление фотографии</translation>
    </message>
</context>
<context>
    <name>ChatQueue</name>
    <message>
        <source>An unsent chat message cannot be read (%1).</source>
        <translation>Неотправленное сообщение чата не удаётся прочитать (%1).</translation>
    </message>
</context>
<context>
    <name>ChatService</name>
    <message>
        <source>This conversation was not found.</source>
        <translation>Разговор не найден.</translation>
    </message>
    <message>
        <source>Chat goes through the server; this database does not keep it.</source>
        <translation>Чат идёт через сервер; эта база данных его не хранит.</translation>
    </message>
    <message>
        <source>Say which apartment or booking the conversation is about.</source>
        <translation>Укажите, о какой квартире или бронировании разговор.</translation>
    </message>
    <message>
        <source>Give a title of 1 to 200 characters for what the conversation is about.</source>
        <translation>Дайте теме разговора название от 1 до 200 символов.</translation>
    </message>
    <message>
        <source>No account has this e-mail address.</source>
        <translation>Нет учётной записи с этим адресом e-mail.</translation>
    </message>
    <message>
        <source>You cannot start a conversation with yourself.</source>
        <translation>Нельзя начать разговор с самим собой.</translation>
    </message>
    <message>
        <source>The message needs an identifier.</source>
        <translation>У сообщения должен быть идентификатор.</translation>
    </message>
    <message>
        <source>Write a message.</source>
        <translation>Напишите сообщение.</translation>
    </message>
    <message>
        <source>The message contains a character that cannot be stored.</source>
        <translation>В сообщении есть символ, который нельзя сохранить.</translation>
    </message>
    <message>
        <source>A message may be at most 4000 characters.</source>
        <translation>Сообщение может содержать не более 4000 символов.</translation>
    </message>
    <message>
        <source>The message could not be stored; send it again.</source>
        <translation>Не удалось сохранить сообщение; отправьте его ещё раз.</translation>
    </message>
    <message>
        <source>This message identifier is already used by another message.</source>
        <translation>Этот идентификатор уже занят другим сообщением.</translation>
    </message>
    <message>
        <source>Ask for 1 to 200 messages at a time.</source>
        <translation>Запрашивайте от 1 до 200 сообщений за раз.</translation>
    </message>
    <message>
        <source>Messages are numbered from 1.</source>
        <translation>Сообщения нумеруются с 1.</translation>
    </message>
    <message>
        <source>A message number cannot be negative.</source>
        <translation>Номер сообщения не может быть отрицательным.</translation>
    </message>
    <message>
        <source>The conversation has no message %1 yet.</source>
        <translation>В разговоре ещё нет сообщения %1.</translation>
    </message>
    <message>
        <source>A page has 1 to %1 conversations.</source>
        <translation>На странице от 1 до %1 разговоров.</translation>
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
    <message>
        <source>Fill an empty database with demo data (the demo accounts are in README.md).</source>
        <translation>Заполнить пустую базу демонстрационными данными (демо-учётные записи перечислены в README.md).</translation>
    </message>
    <message>
        <source>Make &lt;count&gt; apartments of demo data (default %1).</source>
        <translation>Создать &lt;count&gt; квартир демонстрационных данных (по умолчанию %1).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>count</translation>
    </message>
    <message>
        <source>--demo-apartments needs --demo.</source>
        <translation>--demo-apartments требует --demo.</translation>
    </message>
    <message>
        <source>--demo-apartments needs a whole number from 1 to %1.</source>
        <translation>--demo-apartments требует целое число от 1 до %1.</translation>
    </message>
    <message>
        <source>Send mail through &lt;url&gt; for this run: smtps://user@host:465 (TLS), smtp://user@host:587 (STARTTLS, required) or smtp+insecure://host:25 (a local relay, unencrypted). The password comes from RENTDESK_SMTP_PASSWORD or the keyring.</source>
        <translation>Отправлять почту в этом запуске через &lt;url&gt;: smtps://user@host:465 (TLS), smtp://user@host:587 (STARTTLS, обязательно) или smtp+insecure://host:25 (локальный ретранслятор, без шифрования). Пароль берётся из RENTDESK_SMTP_PASSWORD или из хранилища паролей.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Trust the CA certificates in &lt;file&gt; (PEM) for the mail server.</source>
        <translation>Доверять для почтового сервера сертификатам УЦ из &lt;file&gt; (PEM).</translation>
    </message>
    <message>
        <source>Send mail as &lt;sender&gt;, e.g. &quot;RentDesk &lt;rentdesk@example.org&gt;&quot;.</source>
        <translation>Отправлять почту от имени &lt;sender&gt;, например «RentDesk &lt;rentdesk@example.org&gt;».</translation>
    </message>
    <message>
        <source>sender</source>
        <translation>отправитель</translation>
    </message>
    <message>
        <source>Give up on the mail server after &lt;seconds&gt; without an answer (default: 30 to connect, 60 for a reply).</source>
        <translation>Прекращать ожидание почтового сервера, если он молчит &lt;seconds&gt; с (по умолчанию 30 на подключение, 60 на ответ).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>секунды</translation>
    </message>
    <message>
        <source>Send one test mail to &lt;address&gt; with the mail settings and exit, without a window (exit codes in README.md).</source>
        <translation>Отправить одно проверочное письмо на &lt;address&gt; с текущими настройками почты и выйти, не открывая окна (коды выхода — в README.md).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>Send the mails waiting in the database&apos;s outbox with the mail settings, then exit without a window (for a scheduled job).</source>
        <translation>Отправить письма, ожидающие в исходящих базы данных, с текущими настройками почты и выйти, не открывая окна (для задания по расписанию).</translation>
    </message>
    <message>
        <source>--smtp-timeout needs a whole number of seconds from 1 to 3600.</source>
        <translation>Для --smtp-timeout нужно целое число секунд от 1 до 3600.</translation>
    </message>
    <message>
        <source>--send-test-mail runs alone; leave out --init-only and --demo.</source>
        <translation>--send-test-mail запускается отдельно: уберите --init-only и --demo.</translation>
    </message>
    <message>
        <source>--send-outbox runs alone; leave out --init-only and --send-test-mail.</source>
        <translation>--send-outbox запускается отдельно: уберите --init-only и --send-test-mail.</translation>
    </message>
    <message>
        <source>Chat through the rentdesk-server at &lt;url&gt; for this run (ws://host:port, or wss://host:port for TLS) instead of the one in Settings.</source>
        <translation>В этом запуске общаться через rentdesk-server по адресу &lt;url&gt; (ws://host:port или wss://host:port для TLS) вместо указанного в настройках.</translation>
    </message>
    <message>
        <source>--server needs ws://host:port or wss://host:port.</source>
        <translation>--server ожидает ws://host:port или wss://host:port.</translation>
    </message>
    <message>
        <source>--server: ws:// would send your password unencrypted across the network; use wss://, or ws:// only to this computer.</source>
        <translation>--server: через ws:// пароль пойдёт по сети без шифрования; используйте wss:// или ws:// только к этому компьютеру.</translation>
    </message>
    <message>
        <source>Write every row of the &lt;table&gt; page (apartments, buildings, bookings or reviews) as CSV to the file named after the options (- for standard output), then exit without a window.</source>
        <translation>Записать все строки страницы &lt;table&gt; (apartments, buildings, bookings или reviews) в CSV-файл, указанный после параметров (- — стандартный вывод), и выйти без окна.</translation>
    </message>
    <message>
        <source>table</source>
        <translation>таблица</translation>
    </message>
    <message>
        <source>With --export-csv bookings: whose bookings, a renter&apos;s own or those of a landlord&apos;s apartments.</source>
        <translation>С --export-csv bookings: чьи бронирования — арендатора или квартир арендодателя.</translation>
    </message>
    <message>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <source>With --export-csv: the file to write.</source>
        <translation>С --export-csv: файл, в который писать.</translation>
    </message>
    <message>
        <source>--export-csv needs one of: %1.</source>
        <translation>--export-csv нужна одна из таблиц: %1.</translation>
    </message>
    <message>
        <source>--export-csv needs the file to write after the options (- for standard output).</source>
        <translation>--export-csv нужен файл после параметров (- — стандартный вывод).</translation>
    </message>
    <message>
        <source>--export-csv runs alone; leave out --init-only, --send-outbox and --send-test-mail.</source>
        <translation>--export-csv работает отдельно; уберите --init-only, --send-outbox и --send-test-mail.</translation>
    </message>
    <message>
        <source>--export-csv bookings needs --as with a renter&apos;s or a landlord&apos;s e-mail; the other tables take no --as.</source>
        <translation>--export-csv bookings нужен --as с e-mail арендатора или арендодателя; другим таблицам --as не нужен.</translation>
    </message>
    <message>
        <source>--as goes with --export-csv bookings.</source>
        <translation>--as используется только с --export-csv bookings.</translation>
    </message>
    <message>
        <source>Write each apartment&apos;s stays and blocked dates as an iCalendar file &lt;folder&gt;/&lt;apartment id&gt;.ics, then exit without a window.</source>
        <translation>Записать проживания и закрытые даты каждой квартиры в файл iCalendar &lt;folder&gt;/&lt;id квартиры&gt;.ics и выйти без окна.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>папка</translation>
    </message>
    <message>
        <source>Block the dates of the iCalendar &lt;file&gt;&apos;s events in the apartment given with --apartment (importing a newer file of the same name updates them), then exit without a window.</source>
        <translation>Закрыть в квартире, указанной в --apartment, даты событий из файла iCalendar &lt;file&gt; (импорт более нового файла с тем же именем их обновляет) и выйти без окна.</translation>
    </message>
    <message>
        <source>With --import-ics: the apartment&apos;s id.</source>
        <translation>С --import-ics: идентификатор квартиры.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>--export-ics and --import-ics run alone; leave out the other commands (--init-only, --export-csv, --send-outbox, --send-test-mail).</source>
        <translation>--export-ics и --import-ics выполняются отдельно; уберите другие команды (--init-only, --export-csv, --send-outbox, --send-test-mail).</translation>
    </message>
    <message>
        <source>--export-ics needs a folder.</source>
        <translation>Для --export-ics нужна папка.</translation>
    </message>
    <message>
        <source>--import-ics FILE goes with --apartment ID: the calendar, and the apartment whose dates it blocks.</source>
        <translation>--import-ics ФАЙЛ указывается вместе с --apartment ID: календарь и квартира, даты которой он закрывает.</translation>
    </message>
    <message>
        <source>--apartment needs an apartment&apos;s id, such as 3f2b9c1e-8d4a-4c6b-9e1f-2a7d5c3b8e90.</source>
        <translation>Для --apartment нужен идентификатор квартиры, например 3f2b9c1e-8d4a-4c6b-9e1f-2a7d5c3b8e90.</translation>
    </message>
</context>
<context>
    <name>ConfirmationDocument</name>
    <message>
        <source>Print booking confirmation</source>
        <translation>Печать подтверждения бронирования</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>The file could not be written: %1.</source>
        <translation>Не удалось записать файл: %1.</translation>
    </message>
    <message>
        <source>%1 (currency)</source>
        <translation>%1 (валюта)</translation>
    </message>
    <message>
        <source>The export was stopped.</source>
        <translation>Экспорт остановлен.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>DashboardQuery</name>
    <message>
        <source>A chart shows from 1 to 36 months.</source>
        <translation>График показывает от 1 до 36 месяцев.</translation>
    </message>
    <message>
        <source>This person no longer exists.</source>
        <translation>Этого человека больше нет.</translation>
    </message>
    <message>
        <source>The dashboard shows a landlord&apos;s figures; sign in as a landlord to see yours.</source>
        <translation>Сводка показывает показатели арендодателя; войдите как арендодатель, чтобы увидеть свои.</translation>
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
    <message>
        <source>Qt&apos;s SQLite driver does not use RentDesk&apos;s SQLite library (%1); RentDesk needs Qt built against the system&apos;s libsqlite3, as Debian&apos;s libqt6sql6-sqlite is.</source>
        <translation>Драйвер SQLite в Qt использует не ту библиотеку SQLite, что RentDesk (%1); RentDesk нужен Qt, собранный с системной libsqlite3, как пакет Debian libqt6sql6-sqlite.</translation>
    </message>
    <message>
        <source>Changes cannot be recorded: the database connection is closed or is not SQLite.</source>
        <translation>Изменения не записываются: соединение с базой данных закрыто или это не SQLite.</translation>
    </message>
    <message>
        <source>A recorded change to %1 could not be undone or replayed: the database refused it.</source>
        <translation>Записанное изменение в %1 не удалось отменить или повторить: база данных его отклонила.</translation>
    </message>
    <message>
        <source>A recorded change could not be undone or replayed: it refers to a record that does not exist.</source>
        <translation>Записанное изменение не удалось отменить или повторить: оно ссылается на несуществующую запись.</translation>
    </message>
    <message>
        <source>Changes to %1 cannot be recorded: the table does not exist or has no primary key.</source>
        <translation>Изменения в %1 не записываются: такой таблицы нет или у неё нет первичного ключа.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 не существует.</translation>
    </message>
    <message>
        <source>%1 is not a RentDesk database of schema version %2.</source>
        <translation>%1 — не база данных RentDesk версии схемы %2.</translation>
    </message>
    <message>
        <source>The database %1 is open on another thread.</source>
        <translation>База данных %1 открыта в другом потоке.</translation>
    </message>
    <message>
        <source>Cannot put %1 in place of the database %2: %3</source>
        <translation>Не удаётся поставить %1 на место базы данных %2: %3</translation>
    </message>
    <message>
        <source>another program has it open.</source>
        <translation>её открыла другая программа.</translation>
    </message>
    <message>
        <source>The database %1 runs PostgreSQL %2; RentDesk needs 13 or newer.</source>
        <translation>База данных %1 работает на PostgreSQL %2, а RentDesk нужна версия 13 или новее.</translation>
    </message>
    <message>
        <source>%1 holds tables of another program, not RentDesk&apos;s.</source>
        <translation>В %1 таблицы другой программы, а не RentDesk.</translation>
    </message>
    <message>
        <source>A PostgreSQL database is not replaced by a file (%1).</source>
        <translation>Базу данных PostgreSQL нельзя заменить файлом (%1).</translation>
    </message>
    <message>
        <source>%1 is not a PostgreSQL address RentDesk can use: %2</source>
        <translation>%1 — не адрес PostgreSQL, который RentDesk может использовать: %2</translation>
    </message>
    <message>
        <source>write it as postgresql://user@host:port/database.</source>
        <translation>запишите его как postgresql://пользователь@сервер:порт/база.</translation>
    </message>
    <message>
        <source>the password must not be in the address; put it in PGPASSWORD or ~/.pgpass.</source>
        <translation>пароля не должно быть в адресе; укажите его в PGPASSWORD или ~/.pgpass.</translation>
    </message>
    <message>
        <source>it names no database (…/database at the end).</source>
        <translation>в нём не указана база данных (…/база в конце).</translation>
    </message>
    <message>
        <source>the option %1 is not one RentDesk passes to libpq.</source>
        <translation>параметр %1 не из тех, что RentDesk передаёт libpq.</translation>
    </message>
    <message>
        <source>the value of %1 is empty or has a space, quote, ; or \.</source>
        <translation>значение %1 пустое или содержит пробел, кавычку, ; или \.</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver is not installed (Debian package libqt6sql6-psql).</source>
        <translation>Драйвер PostgreSQL для Qt не установлен (пакет Debian libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>Cannot connect to the database %1: %2</source>
        <translation>Не удаётся подключиться к базе данных %1: %2</translation>
    </message>
    <message>
        <source>The database is busy with other changes to the same records. Try again.</source>
        <translation>База данных занята другими изменениями тех же записей. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The database server cannot be reached.</source>
        <translation>Сервер базы данных недоступен.</translation>
    </message>
    <message>
        <source>The database %1 sorts text by a language&apos;s rules; RentDesk needs byte order. Create it with: createdb --template=template0 --encoding=UTF8 --lc-collate=C --lc-ctype=C.UTF-8 NAME</source>
        <translation>База данных %1 упорядочивает текст по правилам языка, а RentDesk нужен порядок байтов. Создайте её так: createdb --template=template0 --encoding=UTF8 --lc-collate=C --lc-ctype=C.UTF-8 ИМЯ</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>The demo needs between 1 and %1 apartments.</source>
        <translation>Для демонстрации нужно от 1 до %1 квартир.</translation>
    </message>
    <message>
        <source>The demo needs today&apos;s date, between 2000 and 2199.</source>
        <translation>Для демонстрации нужна сегодняшняя дата между 2000 и 2199 годами.</translation>
    </message>
    <message>
        <source>The database already has data; demo data goes only into an empty database.</source>
        <translation>В базе уже есть данные; демонстрационные данные добавляются только в пустую базу.</translation>
    </message>
    <message>
        <source>Demo data was cancelled; nothing was added.</source>
        <translation>Создание демонстрационных данных отменено; ничего не добавлено.</translation>
    </message>
</context>
<context>
    <name>DemoDataProgress</name>
    <message>
        <source>Demo data</source>
        <translation>Демонстрационные данные</translation>
    </message>
    <message>
        <source>Writing the demo data…</source>
        <translation>Записываются демонстрационные данные…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Building the indexes…</source>
        <translation>Строятся индексы…</translation>
    </message>
</context>
<context>
    <name>DetailsQuery</name>
    <message>
        <source>This apartment no longer exists.</source>
        <translation>Этой квартиры больше нет.</translation>
    </message>
    <message>
        <source>This person&apos;s account no longer exists.</source>
        <translation>Учётной записи этого человека больше нет.</translation>
    </message>
    <message>
        <source>This building no longer exists.</source>
        <translation>Этого дома больше нет.</translation>
    </message>
    <message>
        <source>This booking no longer exists.</source>
        <translation>Этого бронирования больше нет.</translation>
    </message>
    <message>
        <source>Only its renter and its landlord talk about a booking.</source>
        <translation>О бронировании говорят только его арендатор и арендодатель.</translation>
    </message>
    <message>
        <source>This is your own apartment.</source>
        <translation>Это ваша собственная квартира.</translation>
    </message>
    <message>
        <source>Apartment %1, %2</source>
        <translation>Квартира %1, %2</translation>
    </message>
</context>
<context>
    <name>DomainError</name>
    <message>
        <source>The database holds a value RentDesk cannot read: %1</source>
        <translation>В базе данных есть значение, которое RentDesk не может прочитать: %1</translation>
    </message>
    <message>
        <source>This person&apos;s account was not found.</source>
        <translation>Учётная запись этого человека не найдена.</translation>
    </message>
    <message>
        <source>Your account was not found; sign in again.</source>
        <translation>Ваша учётная запись не найдена; войдите снова.</translation>
    </message>
    <message>
        <source>The identifier is not valid.</source>
        <translation>Недопустимый идентификатор.</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address.</source>
        <translation>Введите правильный адрес электронной почты.</translation>
    </message>
    <message>
        <source>This e-mail address is already registered.</source>
        <translation>Этот адрес электронной почты уже зарегистрирован.</translation>
    </message>
    <message>
        <source>Enter a name of up to 200 characters.</source>
        <translation>Введите имя длиной до 200 символов.</translation>
    </message>
    <message>
        <source>A phone number has 3 to 32 characters: digits, spaces, +, - and brackets.</source>
        <translation>Номер телефона — от 3 до 32 символов: цифры, пробелы, +, - и скобки.</translation>
    </message>
    <message>
        <source>Choose landlord or renter.</source>
        <translation>Выберите: арендодатель или арендатор.</translation>
    </message>
    <message>
        <source>Choose English or Russian.</source>
        <translation>Выберите английский или русский.</translation>
    </message>
    <message>
        <source>The rating totals are not consistent.</source>
        <translation>Итоги оценок не согласованы.</translation>
    </message>
    <message>
        <source>The password could not be stored.</source>
        <translation>Не удалось сохранить пароль.</translation>
    </message>
    <message>
        <source>Only landlords can own buildings.</source>
        <translation>Владеть домами могут только арендодатели.</translation>
    </message>
    <message>
        <source>Enter the building&apos;s name (up to 200 characters).</source>
        <translation>Введите название дома (до 200 символов).</translation>
    </message>
    <message>
        <source>Enter the building&apos;s address (up to 500 characters).</source>
        <translation>Введите адрес дома (до 500 символов).</translation>
    </message>
    <message>
        <source>Enter the city (up to 100 characters).</source>
        <translation>Введите город (до 100 символов).</translation>
    </message>
    <message>
        <source>A building has 1 to 300 floors.</source>
        <translation>В доме может быть от 1 до 300 этажей.</translation>
    </message>
    <message>
        <source>The year built must be between 1000 and 2200.</source>
        <translation>Год постройки должен быть между 1000 и 2200.</translation>
    </message>
    <message>
        <source>This building already has an apartment with this number.</source>
        <translation>В этом доме уже есть квартира с таким номером.</translation>
    </message>
    <message>
        <source>Enter the apartment number (up to 20 characters).</source>
        <translation>Введите номер квартиры (до 20 символов).</translation>
    </message>
    <message>
        <source>The floor must be between -5 and 300.</source>
        <translation>Этаж должен быть от -5 до 300.</translation>
    </message>
    <message>
        <source>An apartment has 1 to 50 rooms.</source>
        <translation>В квартире может быть от 1 до 50 комнат.</translation>
    </message>
    <message>
        <source>The area must be more than 0 and at most 100000 m².</source>
        <translation>Площадь должна быть больше 0 и не больше 100000 м².</translation>
    </message>
    <message>
        <source>The monthly price must be between 0 and 1000000000.</source>
        <translation>Цена за месяц должна быть от 0 до 1000000000.</translation>
    </message>
    <message>
        <source>The currency must be a three-letter code such as RUB or EUR.</source>
        <translation>Валюта задаётся трёхбуквенным кодом, например RUB или EUR.</translation>
    </message>
    <message>
        <source>Choose free, booked or rented.</source>
        <translation>Выберите: свободна, забронирована или сдана.</translation>
    </message>
    <message>
        <source>Only a booked or rented apartment has a renter.</source>
        <translation>Арендатор есть только у забронированной или сданной квартиры.</translation>
    </message>
    <message>
        <source>Choose yes or no.</source>
        <translation>Выберите «да» или «нет».</translation>
    </message>
    <message>
        <source>The description may be at most 5000 characters.</source>
        <translation>Описание может быть не длиннее 5000 символов.</translation>
    </message>
    <message>
        <source>Enter a valid start date.</source>
        <translation>Введите правильную дату начала.</translation>
    </message>
    <message>
        <source>Enter a valid end date.</source>
        <translation>Введите правильную дату окончания.</translation>
    </message>
    <message>
        <source>The stay must end after it starts.</source>
        <translation>Проживание должно заканчиваться позже, чем начинается.</translation>
    </message>
    <message>
        <source>The booking status is not valid.</source>
        <translation>Недопустимый статус бронирования.</translation>
    </message>
    <message>
        <source>The total price of the stay is out of range.</source>
        <translation>Общая стоимость проживания вне допустимых пределов.</translation>
    </message>
    <message>
        <source>The booking&apos;s decision is not recorded.</source>
        <translation>Решение по бронированию не записано.</translation>
    </message>
    <message>
        <source>Only renters can book apartments.</source>
        <translation>Бронировать квартиры могут только арендаторы.</translation>
    </message>
    <message>
        <source>The kind of review is not valid.</source>
        <translation>Недопустимый вид отзыва.</translation>
    </message>
    <message>
        <source>Choose what the review is about.</source>
        <translation>Выберите, о чём отзыв.</translation>
    </message>
    <message>
        <source>You cannot review yourself.</source>
        <translation>Нельзя оставить отзыв о самом себе.</translation>
    </message>
    <message>
        <source>Give 1 to 5 stars.</source>
        <translation>Поставьте от 1 до 5 звёзд.</translation>
    </message>
    <message>
        <source>A review may be at most 5000 characters.</source>
        <translation>Отзыв может быть не длиннее 5000 символов.</translation>
    </message>
    <message>
        <source>You have already reviewed this person.</source>
        <translation>Вы уже оставили отзыв об этом человеке.</translation>
    </message>
    <message>
        <source>You have already reviewed this apartment.</source>
        <translation>Вы уже оставили отзыв об этой квартире.</translation>
    </message>
    <message>
        <source>Landlords review renters; renters review landlords and apartments.</source>
        <translation>Арендодатели пишут отзывы об арендаторах, арендаторы — об арендодателях и квартирах.</translation>
    </message>
    <message>
        <source>The author and subject of a review cannot change.</source>
        <translation>Автора и предмет отзыва изменить нельзя.</translation>
    </message>
    <message>
        <source>The time is not valid.</source>
        <translation>Недопустимое время.</translation>
    </message>
    <message>
        <source>The change refers to a record that no longer exists.</source>
        <translation>Изменение ссылается на запись, которой больше нет.</translation>
    </message>
    <message>
        <source>This value is required.</source>
        <translation>Это значение обязательно.</translation>
    </message>
    <message>
        <source>This value has the wrong type.</source>
        <translation>У этого значения неверный тип.</translation>
    </message>
    <message>
        <source>The database refused the change.</source>
        <translation>База данных отклонила изменение.</translation>
    </message>
    <message>
        <source>The session could not be stored; sign in again.</source>
        <translation>Не удалось сохранить сеанс; войдите снова.</translation>
    </message>
    <message>
        <source>A session must end after it starts.</source>
        <translation>Сеанс должен заканчиваться после начала.</translation>
    </message>
    <message>
        <source>You cannot start a conversation with yourself.</source>
        <translation>Нельзя начать разговор с самим собой.</translation>
    </message>
    <message>
        <source>The conversation could not be stored.</source>
        <translation>Не удалось сохранить разговор.</translation>
    </message>
    <message>
        <source>A conversation can be about an apartment or a booking.</source>
        <translation>Разговор может быть о квартире или о бронировании.</translation>
    </message>
    <message>
        <source>Say what the conversation is about: its kind, identifier and title.</source>
        <translation>Укажите, о чём разговор: вид, идентификатор и название.</translation>
    </message>
    <message>
        <source>Give a title of 1 to 200 characters for what the conversation is about.</source>
        <translation>Дайте теме разговора название от 1 до 200 символов.</translation>
    </message>
    <message>
        <source>The conversation&apos;s count of messages is not valid.</source>
        <translation>Неверное число сообщений в разговоре.</translation>
    </message>
    <message>
        <source>You already have a conversation with this person.</source>
        <translation>У вас уже есть разговор с этим человеком.</translation>
    </message>
    <message>
        <source>You already have a conversation with this person about this.</source>
        <translation>У вас уже есть разговор с этим человеком на эту тему.</translation>
    </message>
    <message>
        <source>Messages are numbered from 1.</source>
        <translation>Сообщения нумеруются с 1.</translation>
    </message>
    <message>
        <source>A message has 1 to 4000 characters.</source>
        <translation>Сообщение содержит от 1 до 4000 символов.</translation>
    </message>
    <message>
        <source>The message could not be numbered; send it again.</source>
        <translation>Не удалось пронумеровать сообщение; отправьте его ещё раз.</translation>
    </message>
    <message>
        <source>A message number cannot be negative.</source>
        <translation>Номер сообщения не может быть отрицательным.</translation>
    </message>
    <message>
        <source>A message cannot be read before it has been delivered.</source>
        <translation>Сообщение нельзя прочитать раньше, чем оно доставлено.</translation>
    </message>
    <message>
        <source>Enter your e-mail address.</source>
        <translation>Введите адрес электронной почты.</translation>
    </message>
    <message>
        <source>This id is already used by another record.</source>
        <translation>Этот идентификатор уже занят другой записью.</translation>
    </message>
    <message>
        <source>These dates overlap a confirmed stay or blocked dates.</source>
        <translation>Эти даты пересекаются с подтверждённым проживанием или закрытыми датами.</translation>
    </message>
    <message>
        <source>Only blocked dates come from a calendar, and they name the calendar (up to 500 characters) and the event (up to 1000).</source>
        <translation>Из календаря приходят только закрытые даты, и у них указаны календарь (до 500 символов) и событие (до 1000).</translation>
    </message>
    <message>
        <source>The calendar has this event twice.</source>
        <translation>В календаре это событие встречается дважды.</translation>
    </message>
    <message>
        <source>The calendar&apos;s address could not be stored; try again.</source>
        <translation>Адрес календаря не удалось сохранить; попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>A calendar&apos;s address has 1 to 500 characters.</source>
        <translation>Адрес календаря — от 1 до 500 символов.</translation>
    </message>
    <message>
        <source>A calendar&apos;s address starts with http:// or https://.</source>
        <translation>Адрес календаря начинается с http:// или https://.</translation>
    </message>
    <message>
        <source>This apartment already follows this calendar.</source>
        <translation>Квартира уже следит за этим календарём.</translation>
    </message>
    <message>
        <source>The number of events is not valid.</source>
        <translation>Недопустимое число событий.</translation>
    </message>
    <message>
        <source>A photo&apos;s place in the gallery cannot be negative.</source>
        <translation>Место фотографии в галерее не может быть отрицательным.</translation>
    </message>
    <message>
        <source>The photo&apos;s image is not named by a valid SHA-256 hash.</source>
        <translation>Изображение фотографии названо недопустимым хешем SHA-256.</translation>
    </message>
    <message>
        <source>The photo&apos;s thumbnail is not named by a valid SHA-256 hash.</source>
        <translation>Миниатюра фотографии названа недопустимым хешем SHA-256.</translation>
    </message>
    <message>
        <source>A stored photo is 1 to 2048 pixels wide.</source>
        <translation>Ширина сохранённой фотографии — от 1 до 2048 пикселей.</translation>
    </message>
    <message>
        <source>A stored photo is 1 to 2048 pixels high.</source>
        <translation>Высота сохранённой фотографии — от 1 до 2048 пикселей.</translation>
    </message>
    <message>
        <source>The photo&apos;s bytes are not named by a valid SHA-256 hash.</source>
        <translation>Данные фотографии названы недопустимым хешем SHA-256.</translation>
    </message>
    <message>
        <source>The photo&apos;s stored size does not match its bytes.</source>
        <translation>Сохранённый размер фотографии не совпадает с её данными.</translation>
    </message>
</context>
<context>
    <name>EmailAddress</name>
    <message>
        <source>The e-mail address contains a control character (%1); type it again without it.</source>
        <translation>В адресе электронной почты есть управляющий символ (%1); введите адрес заново без него.</translation>
    </message>
    <message>
        <source>The e-mail address contains an invisible character (%1), such as a zero-width space or a text-direction mark; type it again without it.</source>
        <translation>В адресе электронной почты есть невидимый символ (%1), например пробел нулевой ширины или знак направления текста; введите адрес заново без него.</translation>
    </message>
    <message>
        <source>An e-mail address has no spaces.</source>
        <translation>В адресе электронной почты не бывает пробелов.</translation>
    </message>
    <message>
        <source>The e-mail address contains a code point that is not a character (%1).</source>
        <translation>В адресе электронной почты есть код, который не обозначает никакого символа (%1).</translation>
    </message>
    <message>
        <source>The part before @ cannot start or end with a dot or have two dots in a row.</source>
        <translation>Часть до @ не может начинаться или заканчиваться точкой и не может содержать две точки подряд.</translation>
    </message>
    <message>
        <source>The part before @ cannot contain “%1”; it may have letters, digits, dots and ! # $ % &amp; &apos; * + - / = ? ^ _ ` { | } ~.</source>
        <translation>Часть до @ не может содержать «%1»; в ней допустимы буквы, цифры, точки и ! # $ % &amp; &apos; * + - / = ? ^ _ ` { | } ~.</translation>
    </message>
    <message>
        <source>The part before @ is too long: at most %1 characters, fewer for letters outside the Latin alphabet.</source>
        <translation>Часть до @ слишком длинная: не больше %1 символов, а для букв не из латинского алфавита — меньше.</translation>
    </message>
    <message>
        <source>The domain after @ is not a valid international domain name, or a part of it is too long.</source>
        <translation>Домен после @ не является допустимым международным доменным именем, или какая-то его часть слишком длинная.</translation>
    </message>
    <message>
        <source>The domain after @ cannot contain “%1”; it may have letters, digits, hyphens and dots.</source>
        <translation>Домен после @ не может содержать «%1»; в нём допустимы буквы, цифры, дефисы и точки.</translation>
    </message>
    <message>
        <source>A part of the domain cannot start or end with a hyphen: “%1”.</source>
        <translation>Часть домена не может начинаться или заканчиваться дефисом: «%1».</translation>
    </message>
    <message>
        <source>The domain after @ has an empty part: remove the extra dot.</source>
        <translation>В домене после @ есть пустая часть: уберите лишнюю точку.</translation>
    </message>
    <message>
        <source>The domain after @ needs at least two parts, like example.org.</source>
        <translation>Домен после @ должен состоять хотя бы из двух частей, например example.org.</translation>
    </message>
    <message>
        <source>A part of the domain is too long: at most %1 characters, fewer for letters outside the Latin alphabet.</source>
        <translation>Часть домена слишком длинная: не больше %1 символов, а для букв не из латинского алфавита — меньше.</translation>
    </message>
    <message>
        <source>The last part of the domain cannot be only digits; give a domain name, not an IP address.</source>
        <translation>Последняя часть домена не может состоять только из цифр; укажите доменное имя, а не IP-адрес.</translation>
    </message>
    <message>
        <source>Enter your e-mail address.</source>
        <translation>Введите адрес электронной почты.</translation>
    </message>
    <message>
        <source>This is not an e-mail address; it looks like name@example.org.</source>
        <translation>Это не адрес электронной почты; он выглядит так: name@example.org.</translation>
    </message>
    <message>
        <source>The e-mail address is too long: at most %1 characters, fewer for letters outside the Latin alphabet.</source>
        <translation>Адрес электронной почты слишком длинный: не больше %1 символов, а для букв не из латинского алфавита — меньше.</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>%1 could not be written: %2.</source>
        <translation>Не удалось записать %1: %2.</translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>%1 не записан: %2</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>Записана %n строка в %1.</numerusform>
            <numerusform>Записано %n строки в %1.</numerusform>
            <numerusform>Записано %n строк в %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ICalendar</name>
    <message>
        <source>The calendar is larger than %1, the most RentDesk reads.</source>
        <translation>Календарь больше %1 — наибольшего размера, который читает RentDesk.</translation>
    </message>
    <message>
        <source>Line %1: the date %2 does not exist.</source>
        <translation>Строка %1: даты %2 не существует.</translation>
    </message>
    <message>
        <source>Line %1: the time %2 does not exist.</source>
        <translation>Строка %1: времени %2 не существует.</translation>
    </message>
    <message>
        <source>Line %1: the calendar has more than %2 events, the most RentDesk reads.</source>
        <translation>Строка %1: в календаре больше %2 событий — наибольшего числа, которое читает RentDesk.</translation>
    </message>
    <message>
        <source>This is not an iCalendar file: it does not begin with BEGIN:VCALENDAR.</source>
        <translation>Это не файл iCalendar: он не начинается с BEGIN:VCALENDAR.</translation>
    </message>
    <message>
        <source>Line %1: the file goes on after the end of the calendar.</source>
        <translation>Строка %1: файл продолжается после конца календаря.</translation>
    </message>
    <message>
        <source>Line %1: the text is not UTF-8; the file may be in another encoding.</source>
        <translation>Строка %1: текст не в UTF-8; возможно, файл в другой кодировке.</translation>
    </message>
    <message>
        <source>Line %1: END:%2 does not close BEGIN:%3 of line %4.</source>
        <translation>Строка %1: END:%2 не закрывает BEGIN:%3 из строки %4.</translation>
    </message>
    <message>
        <source>The calendar is empty.</source>
        <translation>Календарь пуст.</translation>
    </message>
    <message>
        <source>Line %1: BEGIN:%2 has no END; the file may be cut short.</source>
        <translation>Строка %1: у BEGIN:%2 нет END; возможно, файл обрезан.</translation>
    </message>
    <message>
        <source>Line %1: the time zone has no TZID.</source>
        <translation>Строка %1: у часового пояса нет TZID.</translation>
    </message>
    <message>
        <source>Line %1: this is not an iCalendar line: “%2”.</source>
        <translation>Строка %1: это не строка iCalendar: «%2».</translation>
    </message>
    <message>
        <source>Line %1: “%2” is not a property of an iCalendar file.</source>
        <translation>Строка %1: «%2» — не свойство файла iCalendar.</translation>
    </message>
    <message>
        <source>Line %1: the %2 value “%3” cannot be read.</source>
        <translation>Строка %1: не удаётся прочитать значение %2 «%3».</translation>
    </message>
    <message>
        <source>Line %1: a parameter of %2 cannot be read.</source>
        <translation>Строка %1: не удаётся прочитать параметр %2.</translation>
    </message>
    <message>
        <source>Line %1: the event has no UID.</source>
        <translation>Строка %1: у события нет UID.</translation>
    </message>
    <message>
        <source>Line %1: the event “%2” has no start date (DTSTART).</source>
        <translation>Строка %1: у события «%2» нет даты начала (DTSTART).</translation>
    </message>
    <message>
        <source>Line %1: the time zone “%2” is not defined in the file.</source>
        <translation>Строка %1: часовой пояс «%2» не определён в файле.</translation>
    </message>
    <message>
        <source>Line %1: the UID “%2” is used by the event of line %3 too.</source>
        <translation>Строка %1: UID «%2» есть и у события в строке %3.</translation>
    </message>
    <message>
        <source>Line %1: the event has both an end (DTEND) and a length (DURATION).</source>
        <translation>Строка %1: у события указаны и конец (DTEND), и длительность (DURATION).</translation>
    </message>
    <message>
        <source>Line %1: the event does not end after it starts.</source>
        <translation>Строка %1: событие не заканчивается позже, чем начинается.</translation>
    </message>
    <message>
        <source>Line %1: the event lasts %2 nights; RentDesk reads stays of at most %3.</source>
        <translation>Строка %1: событие длится %2 ночей; RentDesk читает проживания не длиннее %3.</translation>
    </message>
    <message>
        <source>Line %1: the event repeats more than once a day, which RentDesk does not read.</source>
        <translation>Строка %1: событие повторяется чаще раза в день, а такие RentDesk не читает.</translation>
    </message>
    <message>
        <source>Line %1: the repeat rule cannot be followed.</source>
        <translation>Строка %1: правилу повторения невозможно следовать.</translation>
    </message>
    <message>
        <source>Line %1: the event repeats too often to be worked out.</source>
        <translation>Строка %1: событие повторяется слишком часто, чтобы его рассчитать.</translation>
    </message>
    <message>
        <source>Line %1: the UID “%2” is used by another event too.</source>
        <translation>Строка %1: UID «%2» есть и у другого события.</translation>
    </message>
    <message>
        <source>Line %1: the occurrence “%2” is changed by the event of line %3 too.</source>
        <translation>Строка %1: повторение «%2» изменено и событием в строке %3.</translation>
    </message>
    <message>
        <source>The calendar file %1 cannot be read: %2.</source>
        <translation>Не удаётся прочитать файл календаря %1: %2.</translation>
    </message>
</context>
<context>
    <name>IcsCommand</name>
    <message>
        <source>The folder %1 could not be made.</source>
        <translation>Не удалось создать папку %1.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2.</source>
        <translation>Не удалось записать %1: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n calendar(s) to %1 (stays and blocked dates in all: %2).</source>
        <translation>
            <numerusform>Записан %n календарь в %1 (всего проживаний и закрытых дат: %2).</numerusform>
            <numerusform>Записано %n календаря в %1 (всего проживаний и закрытых дат: %2).</numerusform>
            <numerusform>Записано %n календарей в %1 (всего проживаний и закрытых дат: %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 new, %3 moved, %4 unchanged, %5 removed, %6 left out (over, or this database&apos;s own stays); %7 request(s) declined.</source>
        <translation>%1: новых — %2, перенесённых — %3, без изменений — %4, удалённых — %5, пропущенных (прошедших или своих проживаний этой базы) — %6; отклонено запросов — %7.</translation>
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
    <name>ListingService</name>
    <message>
        <source>This building no longer exists.</source>
        <translation>Этого дома больше нет.</translation>
    </message>
    <message>
        <source>This apartment no longer exists.</source>
        <translation>Этой квартиры больше нет.</translation>
    </message>
    <message>
        <source>Only landlords can list buildings and apartments.</source>
        <translation>Размещать дома и квартиры могут только арендодатели.</translation>
    </message>
    <message>
        <source>Only the building&apos;s owner can change or delete it.</source>
        <translation>Изменить или удалить дом может только его владелец.</translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can change or delete it.</source>
        <translation>Изменить или удалить квартиру может только её владелец.</translation>
    </message>
    <message>
        <source>Enter the building&apos;s name (up to 200 characters).</source>
        <translation>Введите название дома (до 200 символов).</translation>
    </message>
    <message>
        <source>Enter the building&apos;s address (up to 500 characters).</source>
        <translation>Введите адрес дома (до 500 символов).</translation>
    </message>
    <message>
        <source>Enter the city (up to 100 characters).</source>
        <translation>Введите город (до 100 символов).</translation>
    </message>
    <message>
        <source>A building has 1 to 300 floors.</source>
        <translation>В доме может быть от 1 до 300 этажей.</translation>
    </message>
    <message>
        <source>The year built must be between 1000 and %1.</source>
        <translation>Год постройки должен быть между 1000 и %1.</translation>
    </message>
    <message>
        <source>Enter the apartment number (up to 20 characters).</source>
        <translation>Введите номер квартиры (до 20 символов).</translation>
    </message>
    <message>
        <source>The floor must be between -5 and %1, the building&apos;s top floor.</source>
        <translation>Этаж должен быть от -5 до %1 — верхнего этажа дома.</translation>
    </message>
    <message>
        <source>An apartment has 1 to 50 rooms.</source>
        <translation>В квартире может быть от 1 до 50 комнат.</translation>
    </message>
    <message>
        <source>The area must be more than 0 and at most 100000 m².</source>
        <translation>Площадь должна быть больше 0 и не больше 100000 м².</translation>
    </message>
    <message>
        <source>The monthly price must be between 0 and 1000000000.</source>
        <translation>Цена за месяц должна быть от 0 до 1000000000.</translation>
    </message>
    <message>
        <source>The currency must be a three-letter code such as RUB or EUR.</source>
        <translation>Валюта задаётся трёхбуквенным кодом, например RUB или EUR.</translation>
    </message>
    <message>
        <source>The description may be at most 5000 characters.</source>
        <translation>Описание может быть не длиннее 5000 символов.</translation>
    </message>
    <message>
        <source>This building already has an apartment number %1.</source>
        <translation>В этом доме уже есть квартира номер %1.</translation>
    </message>
    <message>
        <source>An apartment of this building is on floor %1.</source>
        <translation>В этом доме есть квартира на %1 этаже.</translation>
    </message>
    <message numerus="yes">
        <source>The building still has %n apartment(s); delete them first.</source>
        <translation>
            <numerusform>В доме ещё есть %n квартира; сначала удалите её.</numerusform>
            <numerusform>В доме ещё есть %n квартиры; сначала удалите их.</numerusform>
            <numerusform>В доме ещё есть %n квартир; сначала удалите их.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can add apartments only to your own buildings.</source>
        <translation>Добавлять квартиры можно только в свои дома.</translation>
    </message>
    <message numerus="yes">
        <source>The apartment has %n active booking(s); decline or wait for them first.</source>
        <translation>
            <numerusform>У квартиры есть %n действующее бронирование; сначала отклоните его или дождитесь окончания.</numerusform>
            <numerusform>У квартиры есть %n действующих бронирования; сначала отклоните их или дождитесь окончания.</numerusform>
            <numerusform>У квартиры есть %n действующих бронирований; сначала отклоните их или дождитесь окончания.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailAddress</name>
    <message>
        <source>The e-mail address is empty.</source>
        <translation>Адрес электронной почты пуст.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: a quote is not closed.</source>
        <translation>«%1» — не адрес электронной почты: кавычка не закрыта.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: &apos;&lt;&apos; is not closed.</source>
        <translation>«%1» — не адрес электронной почты: «&lt;» не закрыта.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: there is text after &apos;&gt;&apos;.</source>
        <translation>«%1» — не адрес электронной почты: после «&gt;» есть текст.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: the name contains a line break.</source>
        <translation>«%1» — не адрес электронной почты: в имени есть перевод строки.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: the address is longer than 254 bytes.</source>
        <translation>«%1» — не адрес электронной почты: адрес длиннее 254 байт.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: the address contains a space or a control character.</source>
        <translation>«%1» — не адрес электронной почты: в адресе есть пробел или управляющий символ.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: it needs one &apos;@&apos; with text on both sides, like name@example.org.</source>
        <translation>«%1» — не адрес электронной почты: нужен один знак «@» с текстом по обе стороны, например name@example.org.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: &apos;%2&apos; is not allowed in it.</source>
        <translation>«%1» — не адрес электронной почты: знак «%2» в нём недопустим.</translation>
    </message>
</context>
<context>
    <name>MailConfig</name>
    <message>
        <source>The CA file %1 does not exist.</source>
        <translation>Файла УЦ %1 нет.</translation>
    </message>
    <message>
        <source>A CA file is of no use with smtp+insecure://, which does not use TLS.</source>
        <translation>Файл УЦ не нужен для smtp+insecure://: это подключение без TLS.</translation>
    </message>
    <message>
        <source>The sender address: %1</source>
        <translation>Адрес отправителя: %1</translation>
    </message>
</context>
<context>
    <name>MailEvent</name>
    <message>
        <source>mail event</source>
        <translation>почтовое событие</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Приветствие</translation>
    </message>
    <message>
        <source>Booking requested</source>
        <translation>Запрос бронирования</translation>
    </message>
    <message>
        <source>Booking confirmed</source>
        <translation>Бронирование подтверждено</translation>
    </message>
    <message>
        <source>Booking declined</source>
        <translation>Бронирование отклонено</translation>
    </message>
    <message>
        <source>Booking cancelled</source>
        <translation>Бронирование отменено</translation>
    </message>
</context>
<context>
    <name>MailSetup</name>
    <message>
        <source>The keyring did not give the password: %1</source>
        <translation>Хранилище паролей не выдало пароль: %1</translation>
    </message>
    <message>
        <source>No mail server is set up: give --smtp URL, or set one up in Settings.</source>
        <translation>Почтовый сервер не настроен: укажите --smtp URL или настройте его в настройках.</translation>
    </message>
    <message>
        <source>A test mail to %1 was accepted by %2.</source>
        <translation>Проверочное письмо для %1 принято сервером %2.</translation>
    </message>
    <message>
        <source>The keyring did not keep the password: %1</source>
        <translation>Хранилище паролей не сохранило пароль: %1</translation>
    </message>
</context>
<context>
    <name>MailStatus</name>
    <message>
        <source>mail status</source>
        <translation>статус письма</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>В очереди</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Отброшено</translation>
    </message>
</context>
<context>
    <name>MailTemplates</name>
    <message>
        <source>The mail cannot be written: %1</source>
        <translation>Письмо не удаётся составить: %1</translation>
    </message>
</context>
<context>
    <name>Mode</name>
    <message>
        <source>The database does not say whether it is standalone, connected or a server&apos;s.</source>
        <translation>В базе данных не указано, автономная она, подключённая или серверная.</translation>
    </message>
    <message>
        <source>The database does not say whether it is standalone, connected or a server&apos;s (it says “%1”).</source>
        <translation>В базе данных не указано, автономная она, подключённая или серверная (указано «%1»).</translation>
    </message>
    <message>
        <source>This is a desktop&apos;s replica of a server account; a server cannot run on it.</source>
        <translation>Это копия учётной записи сервера на компьютере; сервер не может работать на ней.</translation>
    </message>
</context>
<context>
    <name>Mutations</name>
    <message>
        <source>The change&apos;s “%1” is not %2.</source>
        <translation>Поле «%1» изменения не является %2.</translation>
    </message>
    <message>
        <source>an id</source>
        <translation>идентификатором</translation>
    </message>
    <message>
        <source>a text</source>
        <translation>текстом</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>целым числом</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>числом</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>значением «да» или «нет»</translation>
    </message>
    <message>
        <source>an amount in minor units</source>
        <translation>суммой в минимальных единицах валюты</translation>
    </message>
    <message>
        <source>a date</source>
        <translation>датой</translation>
    </message>
    <message>
        <source>a known value</source>
        <translation>допустимым значением</translation>
    </message>
    <message>
        <source>“%1” is not a change RentDesk knows.</source>
        <translation>RentDesk не знает изменения «%1».</translation>
    </message>
</context>
<context>
    <name>OccupancyModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation>%1, с %2 по %3</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Занято</translation>
    </message>
</context>
<context>
    <name>OccupancyQuery</name>
    <message>
        <source>The calendar asks about at most 1000 apartments at once.</source>
        <translation>Календарь запрашивает не больше 1000 квартир за раз.</translation>
    </message>
    <message>
        <source>The calendar shows from 1 to 400 days, the last after the first.</source>
        <translation>Календарь показывает от 1 до 400 дней, последний — после первого.</translation>
    </message>
    <message>
        <source>Your account was not found; sign in again.</source>
        <translation>Ваша учётная запись не найдена; войдите снова.</translation>
    </message>
</context>
<context>
    <name>OutboxStore</name>
    <message>
        <source>A queued mail cannot be read (%1).</source>
        <translation>Письмо из очереди не удаётся прочитать (%1).</translation>
    </message>
    <message>
        <source>This mail is no longer waiting to be sent.</source>
        <translation>Это письмо уже не ждёт отправки.</translation>
    </message>
</context>
<context>
    <name>PageExport</name>
    <message>
        <source>Export %1 to CSV</source>
        <translation>Экспорт: %1 в CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
    <message>
        <source>%1 was not written. %2</source>
        <translation>%1 не записан. %2</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Экспорт: %1…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>Экспортирована %n строка в %1.</numerusform>
            <numerusform>Экспортировано %n строки в %1.</numerusform>
            <numerusform>Экспортировано %n строк в %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PageModels</name>
    <message>
        <source>Bookings are a person&apos;s: say whose, a renter&apos;s or a landlord&apos;s e-mail.</source>
        <translation>Бронирования принадлежат человеку: укажите e-mail арендатора или арендодателя.</translation>
    </message>
    <message>
        <source>No one has the e-mail address %1 here.</source>
        <translation>Здесь нет никого с адресом %1.</translation>
    </message>
    <message>
        <source>There is no table called %1; there are %2.</source>
        <translation>Таблицы %1 нет; есть %2.</translation>
    </message>
</context>
<context>
    <name>Passwords</name>
    <message>
        <source>Use at least %1 characters.</source>
        <translation>Используйте не меньше %1 символов.</translation>
    </message>
    <message>
        <source>Use at most %1 characters.</source>
        <translation>Используйте не больше %1 символов.</translation>
    </message>
    <message>
        <source>This password is too easy to guess: it is a well-known password or made of common words.</source>
        <translation>Этот пароль слишком легко подобрать: это известный пароль, или он составлен из распространённых слов.</translation>
    </message>
    <message>
        <source>This password is too easy to guess: it is made of your name or e-mail address.</source>
        <translation>Этот пароль слишком легко подобрать: он составлен из вашего имени или адреса электронной почты.</translation>
    </message>
    <message>
        <source>This password is too easy to guess: it follows the keyboard, like qwerty or 1qaz2wsx.</source>
        <translation>Этот пароль слишком легко подобрать: он идёт по клавиатуре, как qwerty или 1qaz2wsx.</translation>
    </message>
    <message>
        <source>This password is too easy to guess: it is a sequence, like 12345 or abcdef.</source>
        <translation>Этот пароль слишком легко подобрать: это последовательность, как 12345 или abcdef.</translation>
    </message>
    <message>
        <source>This password is too easy to guess: it repeats itself, like abcabc or 11111.</source>
        <translation>Этот пароль слишком легко подобрать: он состоит из повторов, как abcabc или 11111.</translation>
    </message>
    <message>
        <source>This password is too easy to guess: it is mostly a date or a year.</source>
        <translation>Этот пароль слишком легко подобрать: это в основном дата или год.</translation>
    </message>
    <message>
        <source>This password is too easy to guess: make it longer, for example with a few unrelated words.</source>
        <translation>Этот пароль слишком легко подобрать: сделайте его длиннее, например добавьте несколько не связанных между собой слов.</translation>
    </message>
</context>
<context>
    <name>PhotoImage</name>
    <message>
        <source>The image could not be read.</source>
        <translation>Не удалось прочитать изображение.</translation>
    </message>
    <message>
        <source>WebP images cannot be read on this computer: Qt&apos;s image format plugins (Debian&apos;s qt6-image-formats-plugins) are not installed. Choose a JPEG or PNG image.</source>
        <translation>Изображения WebP на этом компьютере не читаются: не установлены модули форматов изображений Qt (пакет Debian qt6-image-formats-plugins). Выберите изображение JPEG или PNG.</translation>
    </message>
    <message>
        <source>The file is not a JPEG, PNG or WebP image.</source>
        <translation>Файл не является изображением JPEG, PNG или WebP.</translation>
    </message>
    <message>
        <source>The image&apos;s size could not be read; the file may be damaged.</source>
        <translation>Не удалось прочитать размер изображения; возможно, файл повреждён.</translation>
    </message>
    <message>
        <source>The image is %1 × %2 pixels; each side must be between %3 and %4 pixels.</source>
        <translation>Изображение — %1 × %2 пикселей; каждая сторона должна быть от %3 до %4 пикселей.</translation>
    </message>
    <message>
        <source>The image has %1 megapixels; a photo may have at most %2.</source>
        <translation>В изображении %1 мегапикселей; у фотографии может быть не больше %2.</translation>
    </message>
    <message>
        <source>The image could not be decoded; the file may be damaged or incomplete.</source>
        <translation>Не удалось декодировать изображение; возможно, файл повреждён или неполон.</translation>
    </message>
    <message>
        <source>The image&apos;s data does not match its header; the file may be damaged.</source>
        <translation>Данные изображения не соответствуют его заголовку; возможно, файл повреждён.</translation>
    </message>
    <message>
        <source>The photo could not be stored.</source>
        <translation>Не удалось сохранить фотографию.</translation>
    </message>
    <message>
        <source>The file has %1 MB; a photo may have at most %2 MB.</source>
        <translation>Размер файла — %1 МБ; у фотографии может быть не больше %2 МБ.</translation>
    </message>
    <message>
        <source>The stored photo is not a JPEG image.</source>
        <translation>Сохранённая фотография не является изображением JPEG.</translation>
    </message>
    <message>
        <source>The stored photo is %1 × %2 pixels; each side may be at most %3 pixels.</source>
        <translation>Сохранённая фотография — %1 × %2 пикселей; каждая сторона может быть не больше %3 пикселей.</translation>
    </message>
    <message>
        <source>The stored photo could not be decoded; it may be damaged or incomplete.</source>
        <translation>Не удалось декодировать сохранённую фотографию; возможно, она повреждена или неполна.</translation>
    </message>
</context>
<context>
    <name>PhotoService</name>
    <message>
        <source>This photo no longer exists.</source>
        <translation>Этой фотографии больше нет.</translation>
    </message>
    <message>
        <source>This apartment no longer exists.</source>
        <translation>Этой квартиры больше нет.</translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner can add, move or remove its photos.</source>
        <translation>Добавлять, перемещать и удалять фотографии квартиры может только её владелец.</translation>
    </message>
    <message>
        <source>An apartment may have at most %1 photos; remove one first.</source>
        <translation>У квартиры может быть не больше %1 фотографий; сначала удалите одну.</translation>
    </message>
    <message>
        <source>A photo&apos;s place must be between 1 and %1.</source>
        <translation>Место фотографии должно быть от 1 до %1.</translation>
    </message>
    <message>
        <source>Only a landlord uploads photos, of their own apartments.</source>
        <translation>Загружать фотографии может только арендодатель, и только своих квартир.</translation>
    </message>
    <message>
        <source>A photo&apos;s image is named by its SHA-256: 64 hex digits.</source>
        <translation>Изображение фотографии называется своим хешем SHA-256: 64 шестнадцатеричные цифры.</translation>
    </message>
    <message>
        <source>The photo&apos;s image has not been uploaded.</source>
        <translation>Изображение фотографии не загружено.</translation>
    </message>
    <message>
        <source>The photo&apos;s thumbnail has not been uploaded.</source>
        <translation>Миниатюра фотографии не загружена.</translation>
    </message>
    <message>
        <source>The photo&apos;s size (%1 × %2) is not its image&apos;s (%3 × %4).</source>
        <translation>Размер фотографии (%1 × %2) не совпадает с размером её изображения (%3 × %4).</translation>
    </message>
    <message>
        <source>A stored photo may have at most %1 bytes.</source>
        <translation>Сохранённая фотография может занимать не больше %1 байт.</translation>
    </message>
    <message>
        <source>The photo&apos;s bytes do not have this SHA-256.</source>
        <translation>У данных фотографии другой хеш SHA-256.</translation>
    </message>
    <message>
        <source>There is no such photo.</source>
        <translation>Такой фотографии нет.</translation>
    </message>
</context>
<context>
    <name>Publication</name>
    <message>
        <source>This photo&apos;s bytes are no longer in %1.</source>
        <translation>Данных этой фотографии больше нет в %1.</translation>
    </message>
    <message>
        <source>The file with this photo&apos;s bytes is not open.</source>
        <translation>Файл с данными этой фотографии не открыт.</translation>
    </message>
</context>
<context>
    <name>Replica</name>
    <message>
        <source>A replica of a server account is made in a new, empty database.</source>
        <translation>Копия учётной записи сервера создаётся в новой пустой базе данных.</translation>
    </message>
    <message>
        <source>This database is not a replica of a server account.</source>
        <translation>Эта база данных не является копией учётной записи сервера.</translation>
    </message>
    <message>
        <source>This replica does not say which account it is of.</source>
        <translation>В этой копии не указано, какой учётной записи она принадлежит.</translation>
    </message>
    <message>
        <source>This replica&apos;s account or client id is unreadable.</source>
        <translation>Учётная запись или идентификатор клиента этой копии не читаются.</translation>
    </message>
    <message>
        <source>The server sent a row this RentDesk cannot read.</source>
        <translation>Сервер прислал запись, которую этот RentDesk не может прочитать.</translation>
    </message>
    <message>
        <source>This change is not among the refused ones.</source>
        <translation>Этого изменения нет среди отклонённых.</translation>
    </message>
    <message>
        <source>This replica must be opened again.</source>
        <translation>Эту реплику нужно открыть заново.</translation>
    </message>
</context>
<context>
    <name>ReplicaSession</name>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation>Не удаётся создать папку %1.</translation>
    </message>
    <message>
        <source>%1 is the replica of another account.</source>
        <translation>%1 — копия другой учётной записи.</translation>
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
    <name>ReviewQuery</name>
    <message>
        <source>The minimum rating must be from 1 to 5 stars.</source>
        <translation>Минимальная оценка — от 1 до 5 звёзд.</translation>
    </message>
    <message>
        <source>The author is not known.</source>
        <translation>Такой автор неизвестен.</translation>
    </message>
    <message>
        <source>The person reviewed is not known.</source>
        <translation>Человек, о котором отзыв, неизвестен.</translation>
    </message>
    <message>
        <source>The apartment reviewed is not known.</source>
        <translation>Квартира, о которой отзыв, неизвестна.</translation>
    </message>
    <message>
        <source>The person is not known.</source>
        <translation>Такой человек неизвестен.</translation>
    </message>
    <message>
        <source>A page holds 1 to 1000 reviews.</source>
        <translation>На странице от 1 до 1000 отзывов.</translation>
    </message>
    <message>
        <source>A page cannot start before the first review.</source>
        <translation>Страница не может начинаться раньше первого отзыва.</translation>
    </message>
    <message>
        <source>Review %1: %2</source>
        <translation>Отзыв %1: %2</translation>
    </message>
</context>
<context>
    <name>ReviewService</name>
    <message>
        <source>A review may be at most %1 characters.</source>
        <translation>Отзыв может быть не длиннее %1 символов.</translation>
    </message>
    <message>
        <source>Give 1 to 5 stars.</source>
        <translation>Поставьте от 1 до 5 звёзд.</translation>
    </message>
    <message>
        <source>This review no longer exists.</source>
        <translation>Этого отзыва больше нет.</translation>
    </message>
    <message>
        <source>What this review is about no longer exists.</source>
        <translation>Того, о чём этот отзыв, больше нет.</translation>
    </message>
    <message>
        <source>Only landlords review renters.</source>
        <translation>Отзывы об арендаторах пишут только арендодатели.</translation>
    </message>
    <message>
        <source>Only renters review landlords and apartments.</source>
        <translation>Отзывы об арендодателях и квартирах пишут только арендаторы.</translation>
    </message>
    <message>
        <source>This apartment no longer exists.</source>
        <translation>Этой квартиры больше нет.</translation>
    </message>
    <message>
        <source>This person is not a renter.</source>
        <translation>Этот человек не арендатор.</translation>
    </message>
    <message>
        <source>This person is not a landlord.</source>
        <translation>Этот человек не арендодатель.</translation>
    </message>
    <message>
        <source>You can write a review only after a confirmed stay.</source>
        <translation>Отзыв можно написать только после подтверждённого проживания.</translation>
    </message>
    <message>
        <source>You have already reviewed this; edit your review instead.</source>
        <translation>Вы уже оставили отзыв; измените его вместо нового.</translation>
    </message>
    <message>
        <source>Only the author can change or delete a review.</source>
        <translation>Изменить или удалить отзыв может только его автор.</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>About</source>
        <translation>О ком</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Отзыв</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Написан</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Изменён</translation>
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
    <name>RowFormat</name>
    <message>
        <source>The server sent a %1 whose “%2” is unusable.</source>
        <translation>Сервер прислал запись «%1» с непригодным полем «%2».</translation>
    </message>
</context>
<context>
    <name>ServerAccount</name>
    <message>
        <source>Give the server&apos;s address first.</source>
        <translation>Сначала укажите адрес сервера.</translation>
    </message>
    <message>
        <source>Give the server as ws://host:port or wss://host:port.</source>
        <translation>Укажите сервер как ws://host:port или wss://host:port.</translation>
    </message>
    <message>
        <source>The server address has no host name.</source>
        <translation>В адресе сервера нет имени узла.</translation>
    </message>
    <message>
        <source>ws:// would send your password unencrypted across the network: use wss://, or ws:// only to this computer.</source>
        <translation>Через ws:// пароль пойдёт по сети без шифрования: используйте wss:// или ws:// только к этому компьютеру.</translation>
    </message>
    <message>
        <source>The e-mail or the password is wrong.</source>
        <translation>Неверный e-mail или пароль.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins; wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Слишком много неудачных входов; подождите %n секунду и попробуйте снова.</numerusform>
            <numerusform>Слишком много неудачных входов; подождите %n секунды и попробуйте снова.</numerusform>
            <numerusform>Слишком много неудачных входов; подождите %n секунд и попробуйте снова.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerSync</name>
    <message>
        <source>This change needs an earlier change of yours that was refused.</source>
        <translation>Это изменение зависит от вашего более раннего изменения, которое было отклонено.</translation>
    </message>
</context>
<context>
    <name>SessionService</name>
    <message>
        <source>The session has ended; sign in again.</source>
        <translation>Сеанс закончился; войдите снова.</translation>
    </message>
    <message>
        <source>Sessions are kept by the server only.</source>
        <translation>Сеансы хранит только сервер.</translation>
    </message>
    <message>
        <source>A session lasts from one second to ten years.</source>
        <translation>Сеанс длится от одной секунды до десяти лет.</translation>
    </message>
    <message>
        <source>The system has no source of random numbers.</source>
        <translation>В системе нет источника случайных чисел.</translation>
    </message>
</context>
<context>
    <name>SmtpSettings</name>
    <message>
        <source>The mail server URL is empty.</source>
        <translation>Адрес (URL) почтового сервера пуст.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid mail server URL (%2).</source>
        <translation>«%1» — неверный адрес почтового сервера (%2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not start with smtps://, smtp:// or smtp+insecure://.</source>
        <translation>«%1» не начинается с smtps://, smtp:// или smtp+insecure://.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no mail server host.</source>
        <translation>В «%1» не указан сервер.</translation>
    </message>
    <message>
        <source>The mail server URL must not hold the password: keep it in the keyring or in RENTDESK_SMTP_PASSWORD.</source>
        <translation>В адресе почтового сервера не должно быть пароля: храните его в хранилище паролей или в RENTDESK_SMTP_PASSWORD.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a path; a mail server URL has only a user, a host and a port.</source>
        <translation>В «%1» есть путь; в адресе почтового сервера бывают только пользователь, сервер и порт.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a query or a fragment; a mail server URL has only a user, a host and a port.</source>
        <translation>В «%1» есть запрос или фрагмент; в адресе почтового сервера бывают только пользователь, сервер и порт.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no valid port.</source>
        <translation>В «%1» неверный порт.</translation>
    </message>
</context>
<context>
    <name>Snapshot</name>
    <message>
        <source>The server sent a first copy this RentDesk cannot read (%1).</source>
        <translation>Сервер прислал первую копию, которую эта версия RentDesk не может прочитать (%1).</translation>
    </message>
    <message>
        <source>This replica has changes of its own to send first.</source>
        <translation>В этой копии есть собственные изменения, которые нужно сначала отправить.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Click for the details.</source>
        <translation>Щёлкните, чтобы увидеть подробности.</translation>
    </message>
    <message>
        <source>Your changes are kept on this computer and sent when the connection is back.</source>
        <translation>Ваши изменения хранятся на этом компьютере и будут отправлены, когда связь восстановится.</translation>
    </message>
    <message>
        <source>Last synced at %1.</source>
        <translation>Последняя синхронизация: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Not signed in (%n change(s) waiting)</source>
        <translation>
            <numerusform>Вход не выполнен (ждёт %n изменение)</numerusform>
            <numerusform>Вход не выполнен (ждут %n изменения)</numerusform>
            <numerusform>Вход не выполнен (ждут %n изменений)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Вход не выполнен</translation>
    </message>
    <message>
        <source>The server asks you to sign in again before it syncs.</source>
        <translation>Сервер просит войти снова, прежде чем синхронизировать.</translation>
    </message>
    <message>
        <source>Click to sign in.</source>
        <translation>Щёлкните, чтобы войти.</translation>
    </message>
    <message numerus="yes">
        <source>Offline (%n change(s) waiting)</source>
        <translation>
            <numerusform>Нет связи (ждёт %n изменение)</numerusform>
            <numerusform>Нет связи (ждут %n изменения)</numerusform>
            <numerusform>Нет связи (ждут %n изменений)</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Подключение к %1…</translation>
    </message>
    <message>
        <source>No connection to %1.</source>
        <translation>Нет связи с %1.</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Ошибка синхронизации</translation>
    </message>
    <message>
        <source>RentDesk tries again by itself.</source>
        <translation>RentDesk повторит попытку сам.</translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n change(s)</source>
        <translation>
            <numerusform>Синхронизация %n изменения</numerusform>
            <numerusform>Синхронизация %n изменений</numerusform>
            <numerusform>Синхронизация %n изменений</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>Sending your changes to %1 and fetching what changed there.</source>
        <translation>Ваши изменения отправляются на %1, а изменения оттуда загружаются.</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Синхронизировано в %1</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Синхронизировано</translation>
    </message>
    <message>
        <source>Everything here agrees with %1.</source>
        <translation>Всё здесь совпадает с %1.</translation>
    </message>
</context>
<context>
    <name>WordSearch</name>
    <message>
        <source>The database is not open.</source>
        <translation>База данных не открыта.</translation>
    </message>
</context>
<context>
    <name>rentdesk::models::itemmodels::ApartmentTableModel</name>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Дом</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Этаж</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Комнаты</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Площадь</translation>
    </message>
    <message>
        <source>Price per month</source>
        <translation>Цена в месяц</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Рейтинг</translation>
    </message>
    <message>
        <source>Furnished</source>
        <translation>С мебелью</translation>
    </message>
    <message>
        <source>Pets</source>
        <translation>Животные</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Размещена</translation>
    </message>
    <message>
        <source>%1, %2 — owner: %3</source>
        <translation>%1, %2 — владелец: %3</translation>
    </message>
</context>
<context>
    <name>rentdesk::models::itemmodels::MailQueueModel</name>
    <message>
        <source>Not sent yet: the last try failed and it is tried again later</source>
        <translation>Ещё не отправлено: последняя попытка не удалась, позже будет новая</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Ожидает отправки</translation>
    </message>
    <message>
        <source>The mail server accepted it</source>
        <translation>Почтовый сервер принял его</translation>
    </message>
    <message>
        <source>The mail server refused it; it is not tried again unless you retry it</source>
        <translation>Почтовый сервер отказался его принять; новых попыток не будет, пока вы не повторите отправку</translation>
    </message>
    <message>
        <source>Discarded: it will not be sent</source>
        <translation>Отменено: не будет отправлено</translation>
    </message>
    <message>
        <source>Next try: %1</source>
        <translation>Следующая попытка: %1</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Отправлено: %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Next try / Sent at</source>
        <translation>Следующая попытка / отправлено</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Последняя ошибка</translation>
    </message>
</context>
<context>
    <name>rentdesk::models::itemmodels::PagedTableModel</name>
    <message>
        <source>Waiting to sync: the server has not received this change yet.</source>
        <translation>Ждёт синхронизации: сервер ещё не получил это изменение.</translation>
    </message>
</context>
<context>
    <name>rentdesk::net::calendar::CalendarFetcher</name>
    <message numerus="yes">
        <source>The calendar&apos;s server did not answer within %n second(s).</source>
        <translation>
            <numerusform>Сервер календаря не ответил за %n секунду.</numerusform>
            <numerusform>Сервер календаря не ответил за %n секунды.</numerusform>
            <numerusform>Сервер календаря не ответил за %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only https:// and http:// addresses are fetched.</source>
        <translation>Загружаются только адреса https:// и http://.</translation>
    </message>
    <message>
        <source>The calendar is larger than %1 MB; it was not downloaded.</source>
        <translation>Календарь больше %1 МБ; он не загружен.</translation>
    </message>
    <message>
        <source>The calendar is larger than %1 MB; it was not read further.</source>
        <translation>Календарь больше %1 МБ; дальше он не читался.</translation>
    </message>
    <message>
        <source>The calendar&apos;s server could not be reached: %1.</source>
        <translation>Сервер календаря недоступен: %1.</translation>
    </message>
    <message>
        <source>The calendar&apos;s address sent RentDesk on more than %1 times.</source>
        <translation>Адрес календаря перенаправил RentDesk больше %1 раз.</translation>
    </message>
    <message>
        <source>The calendar&apos;s secure address sent RentDesk on to one that is not secure (%1); it was not followed.</source>
        <translation>Защищённый адрес календаря перенаправил RentDesk на незащищённый (%1); перенаправление не выполнено.</translation>
    </message>
    <message>
        <source>The calendar&apos;s server answered %1 %2.</source>
        <translation>Сервер календаря ответил %1 %2.</translation>
    </message>
    <message>
        <source>The calendar was not read to its end: %1.</source>
        <translation>Календарь не дочитан до конца: %1.</translation>
    </message>
    <message>
        <source>an unspecified address</source>
        <translation>неуказанный адрес</translation>
    </message>
    <message>
        <source>a loopback address (the server itself)</source>
        <translation>адрес обратной петли (сам сервер)</translation>
    </message>
    <message>
        <source>an address of a private network</source>
        <translation>адрес частной сети</translation>
    </message>
    <message>
        <source>a link-local address</source>
        <translation>локальный адрес канала</translation>
    </message>
    <message>
        <source>a carrier-grade NAT address</source>
        <translation>адрес NAT оператора связи</translation>
    </message>
    <message>
        <source>a multicast address</source>
        <translation>групповой адрес</translation>
    </message>
    <message>
        <source>the broadcast address</source>
        <translation>широковещательный адрес</translation>
    </message>
    <message>
        <source>a reserved address</source>
        <translation>зарезервированный адрес</translation>
    </message>
    <message>
        <source>%1 is %2; this server fetches calendars only from addresses on the internet.</source>
        <translation>%1 — это %2; этот сервер загружает календари только с адресов в интернете.</translation>
    </message>
    <message>
        <source>The calendar&apos;s server %1 is at %2, %3; this server fetches calendars only from addresses on the internet.</source>
        <translation>Сервер календаря %1 находится по адресу %2 — это %3; этот сервер загружает календари только с адресов в интернете.</translation>
    </message>
    <message>
        <source>The calendar&apos;s server %1 was not found: %2.</source>
        <translation>Сервер календаря %1 не найден: %2.</translation>
    </message>
</context>
<context>
    <name>rentdesk::net::calendar::SubscriptionBackend</name>
    <message numerus="yes">
        <source>The calendars were asked for less than a minute ago; try again in %n second(s).</source>
        <translation>
            <numerusform>Календари запрашивались меньше минуты назад; попробуйте снова через %n секунду.</numerusform>
            <numerusform>Календари запрашивались меньше минуты назад; попробуйте снова через %n секунды.</numerusform>
            <numerusform>Календари запрашивались меньше минуты назад; попробуйте снова через %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection to the server was lost before it answered; try again.</source>
        <translation>Соединение с сервером прервалось до его ответа; попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Not connected to the server: the calendars this apartment follows are kept there.</source>
        <translation>Нет подключения к серверу: календари, которые отслеживает эта квартира, хранятся там.</translation>
    </message>
</context>
<context>
    <name>rentdesk::net::chat::ChatClient</name>
    <message>
        <source>The server sent a conversation that is not valid: %1</source>
        <translation>Сервер прислал неверный разговор: %1</translation>
    </message>
    <message>
        <source>The server sent a message that is not valid: %1</source>
        <translation>Сервер прислал неверное сообщение: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer to a message is not valid: %1</source>
        <translation>Ответ сервера на сообщение неверен: %1</translation>
    </message>
</context>
<context>
    <name>rentdesk::net::connection::ServerConnection</name>
    <message>
        <source>The server %1 cannot be reached.</source>
        <translation>Сервер %1 недоступен.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation>Сертификату %1 нет доверия: %2</translation>
    </message>
    <message>
        <source>%1 would carry your password and session unencrypted across the network; use wss://, or ws:// only to this computer.</source>
        <translation>Через %1 пароль и сеанс пойдут по сети без шифрования; используйте wss:// или ws:// только к этому компьютеру.</translation>
    </message>
    <message>
        <source>The server refused this version of RentDesk: %1</source>
        <translation>Сервер не принимает эту версию RentDesk: %1</translation>
    </message>
    <message>
        <source>The server did not answer in time; connecting again.</source>
        <translation>Сервер не ответил вовремя; подключаемся снова.</translation>
    </message>
    <message>
        <source>The server sent a frame that is not valid: %1</source>
        <translation>Сервер прислал неверный кадр: %1</translation>
    </message>
    <message>
        <source>The server answered a request this app did not make: %1</source>
        <translation>Сервер ответил на запрос, которого это приложение не делало: %1</translation>
    </message>
</context>
<context>
    <name>rentdesk::net::mail::SmtpClient</name>
    <message>
        <source>The connection to %1 was closed by RentDesk.</source>
        <translation>RentDesk закрыл подключение к %1.</translation>
    </message>
    <message>
        <source>No mail server is set up.</source>
        <translation>Почтовый сервер не настроен.</translation>
    </message>
    <message>
        <source>No password for %1 at %2: store it in Settings (kept in the keyring) or set RENTDESK_SMTP_PASSWORD.</source>
        <translation>Нет пароля для %1 на %2: сохраните его в настройках (он хранится в хранилище паролей) или задайте RENTDESK_SMTP_PASSWORD.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read: %2.</source>
        <translation>Не удаётся прочитать файл УЦ %1: %2.</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>В файле УЦ %1 нет сертификата PEM.</translation>
    </message>
    <message>
        <source>%1 sent more than %2 bytes without finishing a reply; this is not an SMTP server.</source>
        <translation>%1 прислал больше %2 байт, не закончив ответ; это не SMTP-сервер.</translation>
    </message>
    <message>
        <source>%1 sent a line that is not an SMTP reply: &quot;%2&quot;.</source>
        <translation>%1 прислал строку, которая не является ответом SMTP: «%2».</translation>
    </message>
    <message>
        <source>%1 sent a reply nobody asked for: %2.</source>
        <translation>%1 прислал ответ, о котором его не спрашивали: %2.</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS; RentDesk does not send mail or a password in clear. Use smtps:// if the server takes TLS at once, or smtp+insecure:// only for a local relay.</source>
        <translation>%1 не предлагает STARTTLS; RentDesk не передаёт почту и пароль открытым текстом. Используйте smtps://, если сервер сразу принимает TLS, а smtp+insecure:// — только для локального ретранслятора.</translation>
    </message>
    <message>
        <source>%1 sent data after agreeing to STARTTLS; the connection was closed so that nothing sent in clear is taken as encrypted.</source>
        <translation>%1 прислал данные после согласия на STARTTLS; подключение закрыто, чтобы ничего из переданного открытым текстом не было принято за зашифрованное.</translation>
    </message>
    <message>
        <source>%1 offers no login method RentDesk knows (it offers %2; RentDesk uses PLAIN or LOGIN).</source>
        <translation>%1 не предлагает знакомого RentDesk способа входа (предлагает %2; RentDesk использует PLAIN или LOGIN).</translation>
    </message>
    <message>
        <source>%1 does not offer AUTH, but a user name is set; remove the user name if the server takes mail without a login.</source>
        <translation>%1 не предлагает AUTH, а имя пользователя задано; уберите имя пользователя, если сервер принимает почту без входа.</translation>
    </message>
    <message>
        <source>%1 does not take addresses with letters outside ASCII, such as %2.</source>
        <translation>%1 не принимает адреса с буквами вне ASCII, например %2.</translation>
    </message>
    <message>
        <source>%1 takes mails of at most %2 bytes; this one has %3.</source>
        <translation>%1 принимает письма не больше %2 байт, а в этом %3.</translation>
    </message>
    <message>
        <source>%1 refused the connection: nothing takes mail on that port.</source>
        <translation>%1 отказал в подключении: на этом порту никто не принимает почту.</translation>
    </message>
    <message>
        <source>The mail server %1 was not found.</source>
        <translation>Почтовый сервер %1 не найден.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 не ответил вовремя.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation>Сертификату %1 нет доверия: %2</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2</source>
        <translation>Не удалось установить TLS с %1: %2</translation>
    </message>
    <message>
        <source>%1 closed the connection during the TLS handshake.</source>
        <translation>%1 закрыл подключение во время установки TLS.</translation>
    </message>
    <message>
        <source>%1 closed the connection before the mail was accepted.</source>
        <translation>%1 закрыл подключение, не приняв письмо.</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2</source>
        <translation>Ошибка подключения к %1: %2</translation>
    </message>
    <message>
        <source>%1 did not complete the connection within %2 s.</source>
        <translation>%1 не завершил подключение за %2 с.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 не ответил за %2 с.</translation>
    </message>
    <message>
        <source>%1 is closing the connection: %2</source>
        <translation>%1 закрывает подключение: %2</translation>
    </message>
    <message>
        <source>%1 refused the connection: %2</source>
        <translation>%1 отказал в подключении: %2</translation>
    </message>
    <message>
        <source>%1 does not speak ESMTP, so it cannot offer STARTTLS: %2</source>
        <translation>%1 не поддерживает ESMTP и поэтому не может предложить STARTTLS: %2</translation>
    </message>
    <message>
        <source>%1 refused the greeting: %2</source>
        <translation>%1 не принял приветствие: %2</translation>
    </message>
    <message>
        <source>%1 refused STARTTLS: %2</source>
        <translation>%1 отказал в STARTTLS: %2</translation>
    </message>
    <message>
        <source>%1 refused the login of %2: %3</source>
        <translation>%1 не пустил пользователя %2: %3</translation>
    </message>
    <message>
        <source>%1 refused RSET: %2</source>
        <translation>%1 отказал в RSET: %2</translation>
    </message>
    <message>
        <source>%1 refused the sender %2: %3</source>
        <translation>%1 не принял отправителя %2: %3</translation>
    </message>
    <message>
        <source>%1 refused the recipient %2: %3</source>
        <translation>%1 не принял получателя %2: %3</translation>
    </message>
    <message>
        <source>%1 refused the mail to %2: %3</source>
        <translation>%1 не принял письмо для %2: %3</translation>
    </message>
</context>
<context>
    <name>rentdesk::net::mail::TestMail</name>
    <message>
        <source>RentDesk test e-mail</source>
        <translation>Проверочное письмо RentDesk</translation>
    </message>
    <message>
        <source>This message was sent by RentDesk to check its mail settings.

Booking requests, confirmations and other notices will come from this address.

— %1</source>
        <translation>Это письмо отправил RentDesk, чтобы проверить настройки почты.

Запросы на бронирование, подтверждения и другие уведомления будут приходить с этого адреса.

— %1</translation>
    </message>
    <message>
        <source>The test address: %1</source>
        <translation>Адрес для проверки: %1</translation>
    </message>
</context>
<context>
    <name>rentdesk::net::sync::SyncClient</name>
    <message>
        <source>The server is too old to sync (it speaks protocol version %1).</source>
        <translation>Сервер слишком старый для синхронизации (он знает версию протокола %1).</translation>
    </message>
    <message>
        <source>The server answered a push without results.</source>
        <translation>Сервер ответил на отправку изменений без результатов.</translation>
    </message>
    <message>
        <source>The server answered a pull without a cursor.</source>
        <translation>Сервер ответил на запрос изменений без курсора.</translation>
    </message>
    <message>
        <source>The server did not say how large a photo&apos;s chunks may be.</source>
        <translation>Сервер не сообщил, какого размера могут быть части фотографии.</translation>
    </message>
    <message>
        <source>The photo&apos;s bytes are no longer on this computer: add the photo again.</source>
        <translation>Данных фотографии больше нет на этом компьютере: добавьте её снова.</translation>
    </message>
    <message>
        <source>The server took a photo&apos;s bytes out of order.</source>
        <translation>Сервер принял данные фотографии не по порядку.</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ApartmentEditor</name>
    <message>
        <source>Edit apartment</source>
        <translation>Изменить квартиру</translation>
    </message>
    <message>
        <source>New apartment</source>
        <translation>Новая квартира</translation>
    </message>
    <message>
        <source>No buildings yet</source>
        <translation>Домов пока нет</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>A building in a list: its name, then its city.</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>&amp;Building:</source>
        <translation>&amp;Дом:</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Номер:</translation>
    </message>
    <message>
        <source>&amp;Floor:</source>
        <translation>&amp;Этаж:</translation>
    </message>
    <message>
        <source>&amp;Rooms:</source>
        <translation>&amp;Комнат:</translation>
    </message>
    <message>
        <source> m²</source>
        <translation> м²</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>&amp;Площадь:</translation>
    </message>
    <message>
        <source>Monthly &amp;price:</source>
        <translation>&amp;Цена в месяц:</translation>
    </message>
    <message>
        <source>Furn&amp;ished</source>
        <translation>С &amp;мебелью</translation>
    </message>
    <message>
        <source>Pe&amp;ts allowed</source>
        <translation>Можно с &amp;животными</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>Удобства:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Описание:</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ApartmentFilterBar</name>
    <message>
        <source>Any</source>
        <translation>Неважно</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Search address, city, description…</source>
        <translation>Поиск по адресу, городу, описанию…</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>Все города</translation>
    </message>
    <message>
        <source>Any currency</source>
        <translation>Любая валюта</translation>
    </message>
    <message>
        <source>Prices compare within one currency: choose it to set a price range.</source>
        <translation>Цены сравниваются в одной валюте: выберите её, чтобы задать диапазон цен.</translation>
    </message>
    <message>
        <source>min price</source>
        <translation>цена от</translation>
    </message>
    <message>
        <source>max price</source>
        <translation>цена до</translation>
    </message>
    <message>
        <source>any rooms</source>
        <translation>любое число комнат</translation>
    </message>
    <message>
        <source>rooms ≥ </source>
        <translation>комнат ≥ </translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Free from</source>
        <translation>Свободна с</translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation>Любой рейтинг</translation>
    </message>
    <message>
        <source>%1★ and up</source>
        <translation>от %1★</translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation>Только мои</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Show every apartment again.</source>
        <translation>Снова показать все квартиры.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Furnished</source>
        <translation>С мебелью</translation>
    </message>
    <message>
        <source>Pets</source>
        <translation>Животные</translation>
    </message>
    <message>
        <source>Every word must appear; the last one may be unfinished. Ctrl+F comes here; Down or Return goes on to the results.</source>
        <translation>Должно встретиться каждое слово; последнее можно не дописывать. Ctrl+F переводит сюда; стрелка вниз или Enter — к результатам.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Minimum price</source>
        <translation>Минимальная цена</translation>
    </message>
    <message>
        <source>Maximum price</source>
        <translation>Максимальная цена</translation>
    </message>
    <message>
        <source>Minimum rooms</source>
        <translation>Минимум комнат</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Рейтинг</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Free to</source>
        <translation>Свободна до</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ApartmentsPage</name>
    <message numerus="yes">
        <source>%n apartment(s)</source>
        <translation>
            <numerusform>%n квартира</numerusform>
            <numerusform>%n квартиры</numerusform>
            <numerusform>%n квартир</numerusform>
        </translation>
    </message>
    <message>
        <source>No apartments are listed yet. Create a building, then add its apartments with Listing ▸ New apartment.</source>
        <translation>Квартир пока нет. Создайте дом, затем добавьте его квартиры: Объявления ▸ Новая квартира.</translation>
    </message>
    <message>
        <source>No apartments are listed yet. Landlords&apos; listings appear here.</source>
        <translation>Квартир пока нет. Здесь появятся объявления арендодателей.</translation>
    </message>
    <message>
        <source>No apartment matches these filters. Loosen one, or press Clear.</source>
        <translation>Ни одна квартира не подходит под эти фильтры. Ослабьте какой-нибудь или нажмите «Сбросить».</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an apartment to see its building, owner, rating, reviews and bookings.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Выберите квартиру, чтобы увидеть её дом, владельца, рейтинг, отзывы и бронирования.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1, apartment %2</source>
        <translation>%1, квартира %2</translation>
    </message>
    <message>
        <source>%1 per month</source>
        <translation>%1 в месяц</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s), %1, floor %2</source>
        <translation>
            <numerusform>%n комната, %1, этаж %2</numerusform>
            <numerusform>%n комнаты, %1, этаж %2</numerusform>
            <numerusform>%n комнат, %1, этаж %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Rating: %1</source>
        <translation>Рейтинг: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Статус: %1</translation>
    </message>
    <message>
        <source>Furnished</source>
        <translation>С мебелью</translation>
    </message>
    <message>
        <source>Unfurnished</source>
        <translation>Без мебели</translation>
    </message>
    <message>
        <source>Pets allowed</source>
        <translation>Можно с животными</translation>
    </message>
    <message>
        <source>No pets</source>
        <translation>Без животных</translation>
    </message>
    <message>
        <source>Owner: %1 (rating %2)</source>
        <translation>Владелец: %1 (рейтинг %2)</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Отзывы</translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation>Отзывов пока нет.</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Бронирования</translation>
    </message>
    <message>
        <source>No bookings you can see.</source>
        <translation>Нет бронирований, которые вам видны.</translation>
    </message>
    <message>
        <source>Sign in to see bookings.</source>
        <translation>Войдите, чтобы увидеть бронирования.</translation>
    </message>
    <message>
        <source>Calendar address for other booking sites…</source>
        <translation>Адрес календаря для других сайтов бронирования…</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::BookingRequestDialog</name>
    <message>
        <source>Request a booking</source>
        <translation>Запрос бронирования</translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation>&amp;Отправить запрос</translation>
    </message>
    <message>
        <source>Apartment:</source>
        <translation>Квартира:</translation>
    </message>
    <message>
        <source>%1 a month</source>
        <translation>%1 в месяц</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Цена:</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Занято</translation>
    </message>
    <message>
        <source>Your stay</source>
        <translation>Ваше проживание</translation>
    </message>
    <message>
        <source>Taken night in your stay</source>
        <translation>Занятая ночь в ваших датах</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>&amp;Даты:</translation>
    </message>
    <message>
        <source>First night:</source>
        <translation>Первая ночь:</translation>
    </message>
    <message>
        <source>Departure:</source>
        <translation>Выезд:</translation>
    </message>
    <message>
        <source>Stay:</source>
        <translation>Проживание:</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>не выбрано</translation>
    </message>
    <message>
        <source>Pick the first night, then the day of departure.</source>
        <translation>Выберите первую ночь, затем день выезда.</translation>
    </message>
    <message>
        <source>Now pick the day of departure.</source>
        <translation>Теперь выберите день выезда.</translation>
    </message>
    <message numerus="yes">
        <source>%n night(s), about %1</source>
        <translation>
            <numerusform>%n ночь, около %1</numerusform>
            <numerusform>%n ночи, около %1</numerusform>
            <numerusform>%n ночей, около %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rentdesk::views::BookingsPage</name>
    <message>
        <source>Every status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Staying between</source>
        <translation>Проживание между</translation>
    </message>
    <message>
        <source>and</source>
        <translation>и</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n бронирование</numerusform>
            <numerusform>%n бронирования</numerusform>
            <numerusform>%n бронирований</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in to see your bookings.</source>
        <translation>Войдите, чтобы увидеть свои бронирования.</translation>
    </message>
    <message>
        <source>No booking matches these filters.</source>
        <translation>Ни одно бронирование не подходит под эти фильтры.</translation>
    </message>
    <message>
        <source>No one has asked for your apartments yet. Requests appear here for you to confirm or decline.</source>
        <translation>Ваши квартиры пока никто не запрашивал. Запросы появятся здесь — вы сможете подтвердить или отклонить их.</translation>
    </message>
    <message>
        <source>You have no bookings yet. Find an apartment on the Apartments page and choose Request booking.</source>
        <translation>У вас пока нет бронирований. Найдите квартиру на странице «Квартиры» и выберите «Забронировать».</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a booking to see its stay, price and people.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Выберите бронирование, чтобы увидеть даты, цену и участников.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (%2), rating %3</source>
        <translation>%1 (%2), рейтинг %3</translation>
    </message>
    <message>
        <source>No reviews about them yet.</source>
        <translation>Отзывов о нём или о ней пока нет.</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::BuildingEditor</name>
    <message>
        <source>Edit building</source>
        <translation>Изменить дом</translation>
    </message>
    <message>
        <source>New building</source>
        <translation>Новый дом</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Город:</translation>
    </message>
    <message>
        <source>&amp;Floors:</source>
        <translation>&amp;Этажей:</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <source>&amp;Year built:</source>
        <translation>&amp;Год постройки:</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::BuildingsPage</name>
    <message>
        <source>Search name or address…</source>
        <translation>Поиск по названию или адресу…</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>Все города</translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation>Только мои</translation>
    </message>
    <message numerus="yes">
        <source>%n building(s)</source>
        <translation>
            <numerusform>%n дом</numerusform>
            <numerusform>%n дома</numerusform>
            <numerusform>%n домов</numerusform>
        </translation>
    </message>
    <message>
        <source>You have no buildings yet. Create one with Listing ▸ New building, then add its apartments.</source>
        <translation>У вас пока нет домов. Создайте дом: Объявления ▸ Новый дом, затем добавьте его квартиры.</translation>
    </message>
    <message>
        <source>No building matches this search.</source>
        <translation>Ни один дом не подходит под этот поиск.</translation>
    </message>
    <message>
        <source>No buildings are listed yet.</source>
        <translation>Домов пока нет.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a building to see its owner and apartments.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Выберите дом, чтобы увидеть его владельца и квартиры.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Владелец: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n floor(s)</source>
        <translation>
            <numerusform>%n этаж</numerusform>
            <numerusform>%n этажа</numerusform>
            <numerusform>%n этажей</numerusform>
        </translation>
    </message>
    <message>
        <source>Built in %1</source>
        <translation>Построен в %1 году</translation>
    </message>
    <message numerus="yes">
        <source>%n apartment(s), %1 free</source>
        <translation>
            <numerusform>%n квартира, свободно: %1</numerusform>
            <numerusform>%n квартиры, свободно: %1</numerusform>
            <numerusform>%n квартир, свободно: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::CalendarFeedDialog</name>
    <message>
        <source>Calendar address</source>
        <translation>Адрес календаря</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Other booking sites subscribe to this address to see when the apartment is taken: its confirmed stays and blocked dates, without names. Copy it into the other site&apos;s calendar import. Anyone with the address sees those dates, so renew it if it went where it should not.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Другие сайты бронирования подписываются на этот адрес, чтобы видеть, когда квартира занята: её подтверждённые проживания и закрытые даты, без имён. Скопируйте его в импорт календаря другого сайта. Эти даты видит любой, у кого есть адрес, поэтому обновите его, если он попал не туда.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>&amp;Renew…</source>
        <translation>&amp;Обновить…</translation>
    </message>
    <message>
        <source>A new address in place of this one, which then shows nothing</source>
        <translation>Новый адрес вместо этого; старый перестанет что-либо показывать</translation>
    </message>
    <message>
        <source>Asking the server for a new address…</source>
        <translation>Запрашиваем у сервера новый адрес…</translation>
    </message>
    <message>
        <source>Asking the server for the address…</source>
        <translation>Запрашиваем адрес у сервера…</translation>
    </message>
    <message>
        <source>The server publishes the calendar at this address.</source>
        <translation>Сервер публикует календарь по этому адресу.</translation>
    </message>
    <message>
        <source>The address comes from the server, and RentDesk is not connected to it now. Try again when it is.</source>
        <translation>Адрес выдаёт сервер, а RentDesk сейчас к нему не подключён. Попробуйте снова, когда связь появится.</translation>
    </message>
    <message>
        <source>This server does not publish calendars. Its operator can turn it on with --feed-listen.</source>
        <translation>Этот сервер не публикует календари. Его администратор может включить это параметром --feed-listen.</translation>
    </message>
    <message>
        <source>Only the apartment&apos;s owner has its calendar address.</source>
        <translation>Адрес календаря есть только у владельца квартиры.</translation>
    </message>
    <message>
        <source>This apartment is not on the server (yet): wait for the sync, then try again.</source>
        <translation>Этой квартиры (ещё) нет на сервере: дождитесь синхронизации и попробуйте снова.</translation>
    </message>
    <message>
        <source>The server did not give the address: %1</source>
        <translation>Сервер не выдал адрес: %1</translation>
    </message>
    <message>
        <source>Renew the address</source>
        <translation>Обновить адрес</translation>
    </message>
    <message>
        <source>Give the calendar a new address? Sites subscribed to the old one stop seeing when the apartment is taken, until you give them the new one.</source>
        <translation>Дать календарю новый адрес? Сайты, подписанные на старый, перестанут видеть занятость квартиры, пока вы не дадите им новый.</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Copied. Paste it into the other site&apos;s calendar import.</source>
        <translation>Скопировано. Вставьте его в импорт календаря другого сайта.</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::CalendarPage</name>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;Click a stay to see its booking.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Щёлкните по проживанию, чтобы увидеть его бронирование.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n apartment(s)</source>
        <translation>
            <numerusform>%n квартира</numerusform>
            <numerusform>%n квартиры</numerusform>
            <numerusform>%n квартир</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Confirm…</source>
        <translation>&amp;Подтвердить…</translation>
    </message>
    <message>
        <source>&amp;Decline…</source>
        <translation>&amp;Отклонить…</translation>
    </message>
    <message>
        <source>&amp;Remove the block…</source>
        <translation>&amp;Снять закрытие…</translation>
    </message>
    <message>
        <source>C&amp;ancel…</source>
        <translation>О&amp;тменить…</translation>
    </message>
    <message>
        <source>Only renters ask for nights; a landlord blocks the nights of their own apartments.</source>
        <translation>Ночи запрашивают арендаторы; арендодатель закрывает ночи своих квартир.</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Предыдущая неделя</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Предыдущий месяц</translation>
    </message>
    <message>
        <source>Earlier (Shift with the mouse wheel)</source>
        <translation>Раньше (Shift и колесо мыши)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Сегодня</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Следующая неделя</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Следующий месяц</translation>
    </message>
    <message>
        <source>Later (Shift with the mouse wheel)</source>
        <translation>Позже (Shift и колесо мыши)</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Показать:</translation>
    </message>
    <message>
        <source>A week</source>
        <translation>Неделю</translation>
    </message>
    <message>
        <source>A month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Three months</source>
        <translation>Три месяца</translation>
    </message>
    <message>
        <source>requested (dashed)</source>
        <translation>запрошено (пунктир)</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>подтверждено</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>завершено</translation>
    </message>
    <message>
        <source>blocked (hatched)</source>
        <translation>закрыто (штриховка)</translation>
    </message>
    <message>
        <source>someone else&apos;s stay</source>
        <translation>чужое проживание</translation>
    </message>
    <message>
        <source>Drag over free days of your apartment to block them.</source>
        <translation>Протяните по свободным дням своей квартиры, чтобы закрыть их.</translation>
    </message>
    <message>
        <source>Drag over free days to ask for them.</source>
        <translation>Протяните по свободным дням, чтобы запросить их.</translation>
    </message>
    <message>
        <source>Taken by another stay: arrival %1, departure %2.</source>
        <translation>Занято другим проживанием: заезд %1, выезд %2.</translation>
    </message>
    <message>
        <source>Calendar: details</source>
        <translation>Календарь: подробности</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::CalendarSubscriptionsDialog</name>
    <message>
        <source>Calendar subscriptions</source>
        <translation>Подписки на календари</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;RentDesk reads these calendars (.ics addresses of other booking sites) when it starts and every three hours, and blocks the dates of their events. A calendar that cannot be read changes nothing.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;RentDesk читает эти календари (адреса .ics других сайтов бронирования) при запуске и каждые три часа и закрывает даты их событий. Календарь, который не удалось прочитать, ничего не меняет.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Календарь</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Последняя проверка</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>https://… address of the other site&apos;s calendar (.ics)</source>
        <translation>https://… адрес календаря другого сайта (.ics)</translation>
    </message>
    <message>
        <source>Calendar address</source>
        <translation>Адрес календаря</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>Stop following the selected calendar and remove the dates it blocked</source>
        <translation>Перестать следить за выбранным календарём и освободить закрытые им даты</translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation>Обновить &amp;сейчас</translation>
    </message>
    <message>
        <source>Read this apartment&apos;s calendars again now</source>
        <translation>Прочитать календари этой квартиры снова сейчас</translation>
    </message>
    <message>
        <source>Calendars read again.</source>
        <translation>Календари прочитаны снова.</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Ещё нет</translation>
    </message>
    <message>
        <source>Waiting for the first check</source>
        <translation>Ждёт первой проверки</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>Не прочитан: %1</translation>
    </message>
    <message>
        <source>This apartment follows no calendar yet.</source>
        <translation>Квартира пока не следит ни за одним календарём.</translation>
    </message>
    <message>
        <source>Stop following this calendar?</source>
        <translation>Перестать следить за этим календарём?</translation>
    </message>
    <message>
        <source>RentDesk stops reading %1, and the dates it blocked are free again.</source>
        <translation>RentDesk перестанет читать %1, и закрытые им даты снова освободятся.</translation>
    </message>
    <message>
        <source>Stop following</source>
        <translation>Перестать следить</translation>
    </message>
    <message>
        <source>Calendar still followed</source>
        <translation>Календарь по-прежнему отслеживается</translation>
    </message>
    <message>
        <source>Reading the calendars…</source>
        <translation>Чтение календарей…</translation>
    </message>
    <message numerus="yes">
        <source>Read: %n event(s)</source>
        <translation>
            <numerusform>Прочитан: %n событие</numerusform>
            <numerusform>Прочитан: %n события</numerusform>
            <numerusform>Прочитан: %n событий</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;The server reads these calendars (.ics addresses of other booking sites) every three hours, also while this computer is off, and blocks the dates of their events on all your computers. A calendar that cannot be read changes nothing.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Сервер читает эти календари (адреса .ics других сайтов бронирования) каждые три часа, даже когда этот компьютер выключен, и закрывает даты их событий на всех ваших компьютерах. Календарь, который не удалось прочитать, ничего не меняет.</translation>
    </message>
    <message>
        <source>The calendars this apartment follows are kept on the server: connect to it to see and change them.</source>
        <translation>Календари, которые отслеживает эта квартира, хранятся на сервере: подключитесь к нему, чтобы увидеть и изменить их.</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::CellDelegate</name>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ChatPanel</name>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>E-mail of the person to write to</source>
        <translation>E-mail того, кому написать</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начать</translation>
    </message>
    <message>
        <source>Earlier messages</source>
        <translation>Более ранние сообщения</translation>
    </message>
    <message>
        <source>Write a message (Ctrl+Enter sends)</source>
        <translation>Напишите сообщение (Ctrl+Enter — отправить)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Не в сети</translation>
    </message>
    <message>
        <source>Nobody on the server has this e-mail address.</source>
        <translation>На сервере нет никого с этим адресом e-mail.</translation>
    </message>
    <message>
        <source>This conversation is not on the server.</source>
        <translation>Этого разговора нет на сервере.</translation>
    </message>
    <message>
        <source>You cannot start a conversation with yourself.</source>
        <translation>Нельзя начать разговор с самим собой.</translation>
    </message>
    <message>
        <source>This is not allowed.</source>
        <translation>Это не разрешено.</translation>
    </message>
    <message>
        <source>Sign in to the server again (Settings, Server).</source>
        <translation>Войдите на сервер снова (Настройки, Сервер).</translation>
    </message>
    <message>
        <source>The server has a problem; try again in a moment.</source>
        <translation>У сервера неполадки; попробуйте чуть позже.</translation>
    </message>
    <message>
        <source>Offline — sign in to a chat server in Settings, on the Server tab.</source>
        <translation>Не в сети — войдите на сервер чата в настройках, на вкладке «Сервер».</translation>
    </message>
    <message>
        <source>messages you write are sent when the server is back.</source>
        <translation>написанные сообщения уйдут, когда сервер снова будет доступен.</translation>
    </message>
    <message>
        <source>A conversation can be started only while connected to the server.</source>
        <translation>Начать разговор можно только при подключении к серверу.</translation>
    </message>
    <message>
        <source>Chat (%1)</source>
        <translation>Чат (%1)</translation>
    </message>
    <message>
        <source>%1 has no account on the chat server yet.</source>
        <translation>У пользователя %1 пока нет учётной записи на сервере чата.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Разговоры</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::Commands</name>
    <message>
        <source>Delete building</source>
        <translation>Удалить дом</translation>
    </message>
    <message>
        <source>Delete the building “%1”? This cannot be undone.</source>
        <translation>Удалить дом «%1»? Это нельзя отменить.</translation>
    </message>
    <message>
        <source>Delete apartment</source>
        <translation>Удалить квартиру</translation>
    </message>
    <message>
        <source>Delete apartment %1 in “%2”? This cannot be undone.</source>
        <translation>Удалить квартиру %1 в «%2»? Это нельзя отменить.</translation>
    </message>
    <message>
        <source>Delete review</source>
        <translation>Удалить отзыв</translation>
    </message>
    <message>
        <source>Delete your review of %1?</source>
        <translation>Удалить ваш отзыв о «%1»?</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Не удалено</translation>
    </message>
    <message>
        <source>%1, apartment %2</source>
        <translation>%1, квартира %2</translation>
    </message>
    <message>
        <source>Confirm booking</source>
        <translation>Подтвердить бронирование</translation>
    </message>
    <message>
        <source>Confirm %1&apos;s stay in apartment %2 from %3 to %4? Requests for overlapping dates are declined, and everyone is told by e-mail.</source>
        <translation>Подтвердить проживание: %1, квартира %2, с %3 по %4? Запросы на пересекающиеся даты будут отклонены, всем придёт письмо.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>Не подтверждено</translation>
    </message>
    <message>
        <source>Decline booking</source>
        <translation>Отклонить бронирование</translation>
    </message>
    <message>
        <source>Decline %1&apos;s request for apartment %2?</source>
        <translation>Отклонить запрос %1 на квартиру %2?</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Not declined</source>
        <translation>Не отклонено</translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation>Отменить бронирование</translation>
    </message>
    <message>
        <source>Cancel your booking of apartment %1 from %2?</source>
        <translation>Отменить ваше бронирование квартиры %1 с %2?</translation>
    </message>
    <message>
        <source>Not cancelled</source>
        <translation>Не отменено</translation>
    </message>
    <message>
        <source>Cannot review</source>
        <translation>Отзыв невозможен</translation>
    </message>
    <message>
        <source>Edit and retry</source>
        <translation>Изменить и повторить</translation>
    </message>
    <message>
        <source>What this change was about is not on this computer any more: discard the change.</source>
        <translation>Того, к чему относилось это изменение, на этом компьютере больше нет: отмените изменение.</translation>
    </message>
    <message>
        <source>No confirmation</source>
        <translation>Нет подтверждения</translation>
    </message>
    <message>
        <source>Save booking confirmation</source>
        <translation>Сохранить подтверждение бронирования</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>%1 не записан: %2</translation>
    </message>
    <message>
        <source>Confirmation saved to %1.</source>
        <translation>Подтверждение сохранено в %1.</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Экспорт календаря</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Файлы iCalendar (*.ics)</translation>
    </message>
    <message numerus="yes">
        <source>Calendar of %1 saved to %2 (%n stay(s) and blocked period(s)).</source>
        <translation>
            <numerusform>Календарь %1 сохранён в %2 (%n проживание или закрытый период).</numerusform>
            <numerusform>Календарь %1 сохранён в %2 (%n проживания и закрытых периода).</numerusform>
            <numerusform>Календарь %1 сохранён в %2 (%n проживаний и закрытых периодов).</numerusform>
        </translation>
    </message>
    <message>
        <source>Import calendar</source>
        <translation>Импорт календаря</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics *.ical *.ifb);;All files (*)</source>
        <translation>Файлы iCalendar (*.ics *.ical *.ifb);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Calendar not imported</source>
        <translation>Календарь не импортирован</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 moved, %4 unchanged and %5 removed blocked period(s); %6 request(s) declined.</source>
        <translation>%1: закрытых периодов новых — %2, перенесённых — %3, без изменений — %4, удалённых — %5; отклонено запросов — %6.</translation>
    </message>
    <message>
        <source>Booking not read</source>
        <translation>Бронирование не прочитано</translation>
    </message>
    <message>
        <source>Booking not found</source>
        <translation>Бронирование не найдено</translation>
    </message>
    <message>
        <source>This booking is no longer there.</source>
        <translation>Этого бронирования больше нет.</translation>
    </message>
    <message>
        <source>Remove the block of apartment %1 from %2 to %3? Renters can ask for these nights again.</source>
        <translation>Снять закрытие квартиры %1 с %2 по %3? Арендаторы снова смогут запрашивать эти ночи.</translation>
    </message>
    <message>
        <source>Remove block</source>
        <translation>Снять закрытие</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>Не снято</translation>
    </message>
    <message>
        <source>Not requested</source>
        <translation>Не запрошено</translation>
    </message>
    <message>
        <source>Block nights</source>
        <translation>Закрыть ночи</translation>
    </message>
    <message numerus="yes">
        <source>Block the nights from %1 to the departure on %2 (%n night(s))? Renters cannot ask for them, and requests over them are declined, with an e-mail.</source>
        <translation>
            <numerusform>Закрыть ночи с %1 до выезда %2 (%n ночь)? Арендаторы не смогут их запросить, а запросы на них будут отклонены с письмом.</numerusform>
            <numerusform>Закрыть ночи с %1 до выезда %2 (%n ночи)? Арендаторы не смогут их запросить, а запросы на них будут отклонены с письмом.</numerusform>
            <numerusform>Закрыть ночи с %1 до выезда %2 (%n ночей)? Арендаторы не смогут их запросить, а запросы на них будут отклонены с письмом.</numerusform>
        </translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Not blocked</source>
        <translation>Не закрыто</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ConversationListModel</name>
    <message>
        <source>No messages yet</source>
        <translation>Сообщений пока нет</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::DashboardPage</name>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>Не удалось прочитать показатели: %1</translation>
    </message>
    <message>
        <source>Requests to decide</source>
        <translation>Заявки ждут решения</translation>
    </message>
    <message>
        <source>&amp;Show requests</source>
        <translation>&amp;Показать заявки</translation>
    </message>
    <message>
        <source>Your rating from renters</source>
        <translation>Ваш рейтинг у арендаторов</translation>
    </message>
    <message>
        <source>Your apartments&apos; rating</source>
        <translation>Рейтинг ваших квартир</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Apartment</source>
        <translation>Квартира</translation>
    </message>
    <message>
        <source>Renter</source>
        <translation>Арендатор</translation>
    </message>
    <message numerus="yes">
        <source>The average of %n review(s) renters wrote about you</source>
        <translation>
            <numerusform>Среднее из %n отзыва арендаторов о вас</numerusform>
            <numerusform>Среднее из %n отзывов арендаторов о вас</numerusform>
            <numerusform>Среднее из %n отзывов арендаторов о вас</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The average of %n review(s) of your apartments</source>
        <translation>
            <numerusform>Среднее из %n отзыва о ваших квартирах</numerusform>
            <numerusform>Среднее из %n отзывов о ваших квартирах</numerusform>
            <numerusform>Среднее из %n отзывов о ваших квартирах</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>over %n apartment(s)</source>
        <translation>
            <numerusform>по %n квартире</numerusform>
            <numerusform>по %n квартирам</numerusform>
            <numerusform>по %n квартирам</numerusform>
        </translation>
    </message>
    <message>
        <source>Occupancy per month, %1</source>
        <translation>Загрузка по месяцам, %1</translation>
    </message>
    <message>
        <source>Nights taken</source>
        <translation>Занятые ночи</translation>
    </message>
    <message>
        <source>%1: %2 of %3 nights taken (%4%)</source>
        <translation>%1: занято %2 из %3 ночей (%4%)</translation>
    </message>
    <message>
        <source>Income per month: none in these months</source>
        <translation>Доход по месяцам: в эти месяцы дохода нет</translation>
    </message>
    <message>
        <source>Income per month in %1, %2</source>
        <translation>Доход по месяцам в %1, %2</translation>
    </message>
    <message>
        <source>Confirmed and completed stays; each stay&apos;s price spread over its nights</source>
        <translation>Подтверждённые и завершённые проживания; стоимость каждого распределена по его ночам</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>No arrivals or departures in the next %n day(s).</source>
        <translation>
            <numerusform>Ни заездов, ни выездов в ближайший %n день.</numerusform>
            <numerusform>Ни заездов, ни выездов в ближайшие %n дня.</numerusform>
            <numerusform>Ни заездов, ни выездов в ближайшие %n дней.</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Заезд</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Выезд</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Currenc&amp;y:</source>
        <translation>&amp;Валюта:</translation>
    </message>
    <message numerus="yes">
        <source>Arrivals and departures in the ne&amp;xt %n day(s):</source>
        <translation>
            <numerusform>&amp;Заезды и выезды в ближайший %n день:</numerusform>
            <numerusform>&amp;Заезды и выезды в ближайшие %n дня:</numerusform>
            <numerusform>&amp;Заезды и выезды в ближайшие %n дней:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rentdesk::views::FirstRunWizard</name>
    <message>
        <source>Welcome to RentDesk</source>
        <translation>Добро пожаловать в RentDesk</translation>
    </message>
    <message>
        <source>A few questions, and RentDesk is ready.</source>
        <translation>Несколько вопросов — и RentDesk готов к работе.</translation>
    </message>
    <message>
        <source>RentDesk keeps buildings, apartments, bookings and reviews for landlords and renters. It works on this computer on its own, or with a RentDesk server that landlords and renters share. Everything chosen here can be changed later in Settings.</source>
        <translation>RentDesk ведёт дома, квартиры, бронирования и отзывы для арендодателей и арендаторов. Он работает на этом компьютере сам по себе или вместе с сервером RentDesk, общим для арендодателей и арендаторов. Всё, что выбрано здесь, можно позже изменить в настройках.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>How do you want to start?</source>
        <translation>С чего начать?</translation>
    </message>
    <message>
        <source>You can connect to a server later, and publish what you made here to it.</source>
        <translation>К серверу можно подключиться и позже, опубликовав на нём то, что сделано здесь.</translation>
    </message>
    <message>
        <source>&amp;Work on this computer</source>
        <translation>&amp;Работать на этом компьютере</translation>
    </message>
    <message>
        <source>The data is kept in %1.</source>
        <translation>Данные хранятся в %1.</translation>
    </message>
    <message>
        <source>The database on this computer already has data, so no demo data is added to it.</source>
        <translation>В базе данных на этом компьютере уже есть данные, поэтому демонстрационные данные в неё не добавляются.</translation>
    </message>
    <message>
        <source>Sign in as landlord@rentdesk.example or renter@rentdesk.example with the password shown in the sign-in dialog. Without demo data RentDesk starts empty: create your account in the sign-in dialog.</source>
        <translation>Войдите как landlord@rentdesk.example или renter@rentdesk.example с паролем, который показан в окне входа. Без демонстрационных данных RentDesk начинает с пустой базы: создайте свою учётную запись в окне входа.</translation>
    </message>
    <message>
        <source>&amp;Connect to a RentDesk server</source>
        <translation>&amp;Подключиться к серверу RentDesk</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Се&amp;рвер:</translation>
    </message>
    <message>
        <source>The rentdesk-server your landlord or renters use: wss:// (encrypted), or ws:// only to this computer.</source>
        <translation>rentdesk-server, которым пользуются ваш арендодатель или арендаторы: wss:// (с шифрованием) или ws:// только к этому компьютеру.</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Почтовый сервер</translation>
    </message>
    <message>
        <source>Optional: you can skip this page and set it up later in Settings.</source>
        <translation>Необязательно: эту страницу можно пропустить и настроить почту позже в настройках.</translation>
    </message>
    <message>
        <source>RentDesk e-mails renters and landlords when an account is made and when a booking is requested, confirmed, declined or cancelled. It sends through your mail provider&apos;s server; until one is set up, the messages wait in the Mail queue.</source>
        <translation>RentDesk пишет арендаторам и арендодателям, когда создаётся учётная запись и когда бронирование запрошено, подтверждено, отклонено или отменено. Письма уходят через сервер вашего почтового провайдера; пока он не настроен, они ждут в очереди писем.</translation>
    </message>
    <message>
        <source>Set &amp;up a mail server now</source>
        <translation>&amp;Настроить почтовый сервер сейчас</translation>
    </message>
    <message>
        <source>&amp;Start RentDesk</source>
        <translation>&amp;Запустить RentDesk</translation>
    </message>
    <message numerus="yes">
        <source>Add &amp;demo data (%n apartment(s), two demo accounts)</source>
        <translation>
            <numerusform>Добавить &amp;демонстрационные данные (%n квартира, две демо-учётные записи)</numerusform>
            <numerusform>Добавить &amp;демонстрационные данные (%n квартиры, две демо-учётные записи)</numerusform>
            <numerusform>Добавить &amp;демонстрационные данные (%n квартир, две демо-учётные записи)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rentdesk::views::FirstSyncDialog</name>
    <message>
        <source>First sync</source>
        <translation>Первая синхронизация</translation>
    </message>
    <message>
        <source>RentDesk keeps a copy of what your account may see on this computer, so that you can work offline. Cancel stops for now: the copy keeps what arrived, and the sync goes on from there the next time you open this account.</source>
        <translation>RentDesk хранит на этом компьютере копию того, что видит ваша учётная запись, чтобы можно было работать без связи. «Отмена» останавливает загрузку: полученное сохраняется, и синхронизация продолжится с этого места, когда вы снова откроете эту учётную запись.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for %1… %2 fetched so far; the sync goes on from there once the server answers.</source>
        <translation>Ожидание %1… Пока загружено: %2; синхронизация продолжится с этого места, когда сервер ответит.</translation>
    </message>
    <message>
        <source>The sync stopped: %1. RentDesk tries again by itself; %2 fetched so far.</source>
        <translation>Синхронизация остановилась: %1. RentDesk повторит попытку сам; пока загружено: %2.</translation>
    </message>
    <message>
        <source>Fetching your data from %1: %2.</source>
        <translation>Загрузка ваших данных с %1: %2.</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Готово: %1.</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::LoginDialog</name>
    <message>
        <source>Sign in to RentDesk</source>
        <translation>Вход в RentDesk</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Создать учётную запись</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Попробуйте демо</translation>
    </message>
    <message>
        <source>This database holds demo data. Sign in as:</source>
        <translation>В этой базе демонстрационные данные. Войти как:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <source>At least 10 characters; not your e-mail or name, not a well-known password.</source>
        <translation>Не меньше 10 символов; не ваша почта или имя, не распространённый пароль.</translation>
    </message>
    <message>
        <source>Renter — I look for a place to live</source>
        <translation>Арендатор — я ищу жильё</translation>
    </message>
    <message>
        <source>Landlord — I let apartments</source>
        <translation>Арендодатель — я сдаю квартиры</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Пароль ещё раз:</translation>
    </message>
    <message>
        <source>I am a:</source>
        <translation>Я:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Создать учётную запись</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Проверка пароля…</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Создание учётной записи…</translation>
    </message>
    <message>
        <source>The rentdesk-server your landlord or renters use: wss:// (encrypted), or ws:// only to this computer.</source>
        <translation>rentdesk-server, которым пользуются ваш арендодатель или арендаторы: wss:// (с шифрованием) или ws:// только к этому компьютеру.</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>На сервере</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>На этом компьютере</translation>
    </message>
    <message>
        <source>On a server</source>
        <translation>На сервере</translation>
    </message>
    <message>
        <source>The account was created; signing in…</source>
        <translation>Учётная запись создана; выполняется вход…</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Вход на %1…</translation>
    </message>
    <message>
        <source>Creating the account on %1…</source>
        <translation>Создание учётной записи на %1…</translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation>&amp;Где:</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Се&amp;рвер:</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::MailQueueDialog</name>
    <message>
        <source>Mail queue</source>
        <translation>Очередь писем</translation>
    </message>
    <message>
        <source>Waiting and failed</source>
        <translation>Ожидающие и неотправленные</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Show the mails still to be sent or looked at, or every mail, sent ones too</source>
        <translation>Показать письма, которые ещё нужно отправить или проверить, или все письма вместе с отправленными</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Показать:</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Send the selected mail again now</source>
        <translation>Снова отправить выбранное письмо сейчас</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Отменить…</translation>
    </message>
    <message>
        <source>Give up the selected mail: it will not be sent</source>
        <translation>Отказаться от выбранного письма: оно не будет отправлено</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <source>Read the mail queue again</source>
        <translation>Заново прочитать очередь писем</translation>
    </message>
    <message>
        <source>The mail queue cannot be read: %1</source>
        <translation>Не удаётся прочитать очередь писем: %1</translation>
    </message>
    <message>
        <source>No mail has been queued yet.</source>
        <translation>Писем в очереди ещё не было.</translation>
    </message>
    <message>
        <source>No mail is waiting.</source>
        <translation>Ожидающих писем нет.</translation>
    </message>
    <message>
        <source>No mail server is set up: mails wait here until one is set up in Settings, on the Mail tab.</source>
        <translation>Почтовый сервер не настроен: письма ждут здесь, пока его не настроят в настройках, на вкладке «Почта».</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <source>The mail server has a problem: %1</source>
        <translation>У почтового сервера проблема: %1</translation>
    </message>
    <message>
        <source>Not retried</source>
        <translation>Не повторено</translation>
    </message>
    <message>
        <source>Discard mail</source>
        <translation>Отмена письма</translation>
    </message>
    <message>
        <source>Discard the &quot;%1&quot; mail to %2? It will not be sent.</source>
        <translation>Отменить письмо «%1» для %2? Оно не будет отправлено.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отменить письмо</translation>
    </message>
    <message>
        <source>Not discarded</source>
        <translation>Не отменено</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Не отправлено</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n mail(s)…</source>
        <translation>
            <numerusform>Отправляется %n письмо…</numerusform>
            <numerusform>Отправляются %n письма…</numerusform>
            <numerusform>Отправляются %n писем…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n mail(s) sent.</source>
        <translation>
            <numerusform>Отправлено %1 из %n письма.</numerusform>
            <numerusform>Отправлено %1 из %n писем.</numerusform>
            <numerusform>Отправлено %1 из %n писем.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent: the list says why.</source>
        <translation>
            <numerusform>%n письмо не отправлено: причина указана в списке.</numerusform>
            <numerusform>%n письма не отправлены: причины указаны в списке.</numerusform>
            <numerusform>%n писем не отправлено: причины указаны в списке.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not all mails sent</source>
        <translation>Отправлены не все письма</translation>
    </message>
    <message>
        <source>Send &amp;all now</source>
        <translation>Отправить &amp;все сейчас</translation>
    </message>
    <message>
        <source>Send every waiting and failed mail now; you can stop after the mail being sent</source>
        <translation>Отправить сейчас все ожидающие и неотправленные письма; остановить можно после письма, которое отправляется</translation>
    </message>
    <message>
        <source>Sending is stopped: mails wait here until you press Send all now.</source>
        <translation>Отправка остановлена: письма ждут здесь, пока вы не нажмёте «Отправить все сейчас».</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::MailSettingsPage</name>
    <message>
        <source>RentDesk sends booking notices through this mail server. Leave the server empty to send no mail: notices then wait in the mail queue.</source>
        <translation>RentDesk отправляет уведомления о бронированиях через этот почтовый сервер. Оставьте сервер пустым, чтобы не отправлять почту: уведомления будут ждать в очереди писем.</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (порт 587)</translation>
    </message>
    <message>
        <source>TLS from the start (port 465)</source>
        <translation>TLS сразу (порт 465)</translation>
    </message>
    <message>
        <source>No encryption — a local relay only (port 25)</source>
        <translation>Без шифрования — только локальный ретранслятор (порт 25)</translation>
    </message>
    <message>
        <source>Without encryption, mail and the password go over the network unencrypted. Choose this only for a relay on this computer or on a network you trust.</source>
        <translation>Без шифрования письма и пароль идут по сети открытым текстом. Выбирайте это только для ретранслятора на этом компьютере или в сети, которой вы доверяете.</translation>
    </message>
    <message>
        <source>mail.example.org — empty: no mail is sent</source>
        <translation>mail.example.org — пусто: почта не отправляется</translation>
    </message>
    <message>
        <source>Often the mailbox&apos;s address; empty: no log-in</source>
        <translation>Часто это адрес почтового ящика; пусто: без входа</translation>
    </message>
    <message>
        <source>Kept in the system keyring</source>
        <translation>Хранится в системном хранилище паролей</translation>
    </message>
    <message>
        <source>Kept until RentDesk closes (no keyring found)</source>
        <translation>Хранится до закрытия RentDesk (хранилище паролей не найдено)</translation>
    </message>
    <message>
        <source>RENTDESK_SMTP_PASSWORD is set: RentDesk uses it instead of the password here.</source>
        <translation>Задана переменная RENTDESK_SMTP_PASSWORD: RentDesk использует её вместо этого пароля.</translation>
    </message>
    <message>
        <source>Optional: more certificates to trust (PEM)</source>
        <translation>Необязательно: дополнительные доверенные сертификаты (PEM)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Who the notices come from, as &quot;Name &lt;address&gt;&quot;</source>
        <translation>От кого приходят уведомления, в виде «Имя &lt;адрес&gt;»</translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation>&amp;Защита:</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>П&amp;орт:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;Файл УЦ:</translation>
    </message>
    <message>
        <source>Se&amp;nder:</source>
        <translation>Отправи&amp;тель:</translation>
    </message>
    <message>
        <source>The saved mail server cannot be read: %1</source>
        <translation>Не удаётся прочитать сохранённый почтовый сервер: %1</translation>
    </message>
    <message>
        <source>The keyring did not give the password: %1</source>
        <translation>Хранилище паролей не выдало пароль: %1</translation>
    </message>
    <message>
        <source>Name &lt;address&gt;</source>
        <translation>Имя &lt;адрес&gt;</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Файл УЦ</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Сертификаты (*.pem *.crt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server name or address.</source>
        <translation>«%1» — не имя и не адрес сервера.</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::MailTestPanel</name>
    <message>
        <source>Test</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>you@example.org</translation>
    </message>
    <message>
        <source>Where the test e-mail goes</source>
        <translation>Куда отправить проверочное письмо</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>&amp;Кому:</translation>
    </message>
    <message>
        <source>Send test e-mail</source>
        <translation>Отправить проверочное письмо</translation>
    </message>
    <message>
        <source>Send one e-mail with the settings above, before they are saved</source>
        <translation>Отправить одно письмо с настройками выше, ещё до их сохранения</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Correct the mail settings above first.</source>
        <translation>Сначала исправьте настройки почты выше.</translation>
    </message>
    <message>
        <source>Enter the mail server first.</source>
        <translation>Сначала укажите почтовый сервер.</translation>
    </message>
    <message>
        <source>Enter the address to send the test e-mail to.</source>
        <translation>Укажите адрес, на который отправить проверочное письмо.</translation>
    </message>
    <message>
        <source>Sent to %1 through %2.</source>
        <translation>Отправлено на %1 через %2.</translation>
    </message>
    <message>
        <source>Sending to %1 through %2…</source>
        <translation>Отправка на %1 через %2…</translation>
    </message>
    <message>
        <source>The test e-mail was cancelled.</source>
        <translation>Отправка проверочного письма отменена.</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::MainActions</name>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Войти…</translation>
    </message>
    <message>
        <source>Sign in or create an account</source>
        <translation>Войти или создать учётную запись</translation>
    </message>
    <message>
        <source>&amp;Log out / switch user</source>
        <translation>В&amp;ыйти / сменить пользователя</translation>
    </message>
    <message>
        <source>Sign out and let someone else sign in</source>
        <translation>Выйти, чтобы вошёл другой пользователь</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Close RentDesk</source>
        <translation>Закрыть RentDesk</translation>
    </message>
    <message>
        <source>New &amp;building…</source>
        <translation>Новый &amp;дом…</translation>
    </message>
    <message>
        <source>List a new building (landlords)</source>
        <translation>Разместить новый дом (для арендодателей)</translation>
    </message>
    <message>
        <source>New &amp;apartment…</source>
        <translation>Новая &amp;квартира…</translation>
    </message>
    <message>
        <source>Add an apartment to one of your buildings (landlords)</source>
        <translation>Добавить квартиру в один из ваших домов (для арендодателей)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>Change the selected item</source>
        <translation>Изменить выбранное</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>Delete the selected item</source>
        <translation>Удалить выбранное</translation>
    </message>
    <message>
        <source>&amp;Request booking…</source>
        <translation>&amp;Забронировать…</translation>
    </message>
    <message>
        <source>Ask the owner for dates in the selected apartment (renters)</source>
        <translation>Запросить у владельца даты в выбранной квартире (для арендаторов)</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Подтвердить</translation>
    </message>
    <message>
        <source>Confirm the selected request (declines the requests it overlaps)</source>
        <translation>Подтвердить выбранный запрос (пересекающиеся запросы будут отклонены)</translation>
    </message>
    <message>
        <source>D&amp;ecline</source>
        <translation>&amp;Отклонить</translation>
    </message>
    <message>
        <source>Decline the selected request</source>
        <translation>Отклонить выбранный запрос</translation>
    </message>
    <message>
        <source>Ca&amp;ncel booking</source>
        <translation>От&amp;менить бронирование</translation>
    </message>
    <message>
        <source>Cancel your selected booking</source>
        <translation>Отменить выбранное бронирование</translation>
    </message>
    <message>
        <source>&amp;Write review…</source>
        <translation>&amp;Написать отзыв…</translation>
    </message>
    <message>
        <source>Review the selected apartment, landlord or renter after a stay</source>
        <translation>Оставить отзыв о выбранной квартире, арендодателе или арендаторе после проживания</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <source>Read the tables again</source>
        <translation>Перечитать таблицы</translation>
    </message>
    <message>
        <source>&amp;About RentDesk</source>
        <translation>&amp;О программе RentDesk</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Версия и лицензия</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Listing</source>
        <translation>&amp;Объявления</translation>
    </message>
    <message>
        <source>&amp;Bookings</source>
        <translation>&amp;Бронирования</translation>
    </message>
    <message>
        <source>&amp;Reviews</source>
        <translation>О&amp;тзывы</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Apartments</source>
        <translation>&amp;Квартиры</translation>
    </message>
    <message>
        <source>Go to the apartments</source>
        <translation>Перейти к квартирам</translation>
    </message>
    <message>
        <source>B&amp;uildings</source>
        <translation>&amp;Дома</translation>
    </message>
    <message>
        <source>Go to the buildings</source>
        <translation>Перейти к домам</translation>
    </message>
    <message>
        <source>B&amp;ookings</source>
        <translation>Брони&amp;рования</translation>
    </message>
    <message>
        <source>Go to the bookings</source>
        <translation>Перейти к бронированиям</translation>
    </message>
    <message>
        <source>Revie&amp;ws</source>
        <translation>Отз&amp;ывы</translation>
    </message>
    <message>
        <source>Go to the reviews</source>
        <translation>Перейти к отзывам</translation>
    </message>
    <message>
        <source>Language, database and mail server</source>
        <translation>Язык, база данных и почтовый сервер</translation>
    </message>
    <message>
        <source>&amp;Mail queue…</source>
        <translation>&amp;Очередь писем…</translation>
    </message>
    <message>
        <source>E-mail notifications waiting to be sent, and those that failed</source>
        <translation>Уведомления по почте, ожидающие отправки, и те, что не удалось отправить</translation>
    </message>
    <message>
        <source>&amp;Message…</source>
        <translation>&amp;Написать…</translation>
    </message>
    <message>
        <source>Write to the landlord of the selected apartment, or to the other person of the selected booking</source>
        <translation>Написать арендодателю выбранной квартиры или второй стороне выбранного бронирования</translation>
    </message>
    <message>
        <source>Show or hide the chat panel</source>
        <translation>Показать или скрыть панель чата</translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation>&amp;Подключиться к серверу…</translation>
    </message>
    <message>
        <source>Sign in or create an account on a rentdesk-server; its data is kept here to work offline</source>
        <translation>Войти или создать учётную запись на rentdesk-server; её данные хранятся здесь для работы без связи</translation>
    </message>
    <message>
        <source>S&amp;witch account…</source>
        <translation>С&amp;менить учётную запись…</translation>
    </message>
    <message>
        <source>Open another server account kept on this computer, or the database of this computer</source>
        <translation>Открыть другую учётную запись сервера, сохранённую на этом компьютере, или базу данных этого компьютера</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>С&amp;инхронизировать</translation>
    </message>
    <message>
        <source>Send your changes and fetch the server&apos;s now</source>
        <translation>Отправить ваши изменения и загрузить изменения сервера сейчас</translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation>&amp;Ошибки синхронизации…</translation>
    </message>
    <message>
        <source>Changes the server refused, with its reasons: edit and retry, or discard</source>
        <translation>Изменения, которые сервер отклонил, с причинами: изменить и повторить или отменить</translation>
    </message>
    <message>
        <source>&amp;Publish to a server…</source>
        <translation>&amp;Опубликовать на сервере…</translation>
    </message>
    <message>
        <source>Send your buildings, apartments and coming stays from this computer&apos;s database to a server account, once</source>
        <translation>Один раз отправить ваши дома, квартиры и предстоящие проживания из базы этого компьютера в учётную запись на сервере</translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation>&amp;Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Save the rows this page shows, as its filter and sort show them, to a CSV file</source>
        <translation>Сохранить строки страницы — с её фильтром и сортировкой — в CSV-файл</translation>
    </message>
    <message>
        <source>Confirmation as P&amp;DF…</source>
        <translation>Подтверждение в P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the selected stay&apos;s confirmation, in the renter&apos;s language, as a PDF file</source>
        <translation>Сохранить подтверждение выбранного проживания на языке арендатора в файл PDF</translation>
    </message>
    <message>
        <source>&amp;Print confirmation…</source>
        <translation>&amp;Печать подтверждения…</translation>
    </message>
    <message>
        <source>Print the selected stay&apos;s confirmation, in the renter&apos;s language</source>
        <translation>Напечатать подтверждение выбранного проживания на языке арендатора</translation>
    </message>
    <message>
        <source>Dash&amp;board</source>
        <translation>Св&amp;одка</translation>
    </message>
    <message>
        <source>Go to your figures</source>
        <translation>Перейти к вашим показателям</translation>
    </message>
    <message>
        <source>E&amp;xport calendar…</source>
        <translation>&amp;Экспорт календаря…</translation>
    </message>
    <message>
        <source>Save the selected apartment&apos;s stays and blocked dates as an iCalendar file for other booking sites</source>
        <translation>Сохранить проживания и закрытые даты выбранной квартиры в файл iCalendar для других сайтов бронирования</translation>
    </message>
    <message>
        <source>&amp;Import calendar…</source>
        <translation>Им&amp;порт календаря…</translation>
    </message>
    <message>
        <source>Block the selected apartment&apos;s dates with another booking site&apos;s calendar (.ics)</source>
        <translation>Закрыть даты выбранной квартиры по календарю другого сайта бронирования (.ics)</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Календарь</translation>
    </message>
    <message>
        <source>Go to the occupancy calendar</source>
        <translation>Перейти к календарю занятости</translation>
    </message>
    <message>
        <source>The address at which your server publishes the selected apartment&apos;s calendar, for other booking sites to subscribe to (connected to a server)</source>
        <translation>Адрес, по которому ваш сервер публикует календарь выбранной квартиры, чтобы на него подписывались другие сайты бронирования (при подключении к серверу)</translation>
    </message>
    <message>
        <source>Calendar &amp;subscriptions…</source>
        <translation>Подписки на &amp;календари…</translation>
    </message>
    <message>
        <source>Add &amp;photos…</source>
        <translation>Добавить &amp;фотографии…</translation>
    </message>
    <message>
        <source>Add photos of the selected apartment from image files (JPEG, PNG or WebP)</source>
        <translation>Добавить фотографии выбранной квартиры из файлов изображений (JPEG, PNG или WebP)</translation>
    </message>
    <message>
        <source>Other booking sites&apos; calendars whose events block the selected apartment&apos;s dates, read every three hours (by this computer on a standalone database, by your server on a connected one)</source>
        <translation>Календари других сайтов бронирования, события которых закрывают даты выбранной квартиры; читаются каждые три часа (этим компьютером на автономной базе, вашим сервером на подключённой)</translation>
    </message>
    <message>
        <source>Calendar add&amp;ress…</source>
        <translation>А&amp;дрес календаря…</translation>
    </message>
    <message>
        <source>C&amp;hat</source>
        <translation>&amp;Чат</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::MainWindow</name>
    <message>
        <source>RentDesk</source>
        <translation>RentDesk</translation>
    </message>
    <message>
        <source>About RentDesk</source>
        <translation>О программе RentDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;RentDesk %1&lt;/h3&gt;&lt;p&gt;Buildings, apartments, bookings and reviews for landlords and renters.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RentDesk %1&lt;/h3&gt;&lt;p&gt;Дома, квартиры, бронирования и отзывы для арендодателей и арендаторов.&lt;/p&gt;&lt;p&gt;Распространяется по лицензии GNU General Public License версии 3 или более поздней.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>&amp;Apartments</source>
        <translation>&amp;Квартиры</translation>
    </message>
    <message>
        <source>Changes made here that a server has not received yet</source>
        <translation>Изменения, которые ещё не получил сервер</translation>
    </message>
    <message>
        <source>E-mail notifications waiting to be sent</source>
        <translation>Уведомления по почте, ожидающие отправки</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Вы вошли как %1 (%2)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Вход не выполнен</translation>
    </message>
    <message>
        <source>B&amp;uildings</source>
        <translation>&amp;Дома</translation>
    </message>
    <message>
        <source>B&amp;ookings</source>
        <translation>Брони&amp;рования</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to sync</source>
        <translation>
            <numerusform>%n изменение для синхронизации</numerusform>
            <numerusform>%n изменения для синхронизации</numerusform>
            <numerusform>%n изменений для синхронизации</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mail(s) queued</source>
        <translation>
            <numerusform>%n письмо в очереди</numerusform>
            <numerusform>%n письма в очереди</numerusform>
            <numerusform>%n писем в очереди</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n не отправлено</numerusform>
            <numerusform>%n не отправлены</numerusform>
            <numerusform>%n не отправлено</numerusform>
        </translation>
    </message>
    <message>
        <source>Revie&amp;ws</source>
        <translation>Отз&amp;ывы</translation>
    </message>
    <message>
        <source>mail not set up</source>
        <translation>почта не настроена</translation>
    </message>
    <message>
        <source>No mail server is set up, so these mails wait. Set one up in Settings, on the Mail tab.</source>
        <translation>Почтовый сервер не настроен, поэтому письма ждут. Настройте его в настройках, на вкладке «Почта».</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>отправка…</translation>
    </message>
    <message>
        <source>mail server problem</source>
        <translation>проблема почтового сервера</translation>
    </message>
    <message>
        <source>Click to open the mail queue.</source>
        <translation>Щёлкните, чтобы открыть очередь писем.</translation>
    </message>
    <message>
        <source>Chat: %1</source>
        <translation>Чат: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n непрочитанное</numerusform>
            <numerusform>%n непрочитанных</numerusform>
            <numerusform>%n непрочитанных</numerusform>
        </translation>
    </message>
    <message>
        <source>No chat server is set up (Settings, Server).</source>
        <translation>Сервер чата не настроен (Настройки, Сервер).</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Counts unavailable</source>
        <translation>Счётчики недоступны</translation>
    </message>
    <message>
        <source>Mail queue</source>
        <translation>Очередь писем</translation>
    </message>
    <message>
        <source>This account&apos;s e-mail notifications (sign-up, booking requested, confirmed, declined, cancelled) are sent by the server, %1, not from this computer: RentDesk queues no mail here.</source>
        <translation>Уведомления этой учётной записи (регистрация, запрос, подтверждение, отклонение и отмена бронирования) отправляет сервер %1, а не этот компьютер: RentDesk не ставит здесь письма в очередь.</translation>
    </message>
    <message>
        <source>Changes the server refused. Click to see why, and to retry or discard them.</source>
        <translation>Изменения, которые сервер отклонил. Щёлкните, чтобы узнать причину и повторить или отменить их.</translation>
    </message>
    <message numerus="yes">
        <source>%n sync problem(s)</source>
        <translation>
            <numerusform>%n ошибка синхронизации</numerusform>
            <numerusform>%n ошибки синхронизации</numerusform>
            <numerusform>%n ошибок синхронизации</numerusform>
        </translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Учётная запись: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Состояние: %1</translation>
    </message>
    <message>
        <source>Last complete sync: %1</source>
        <translation>Последняя полная синхронизация: %1</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ещё не было</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %1</source>
        <translation>Изменений ждут отправки: %1</translation>
    </message>
    <message>
        <source>Changes the server refused: %1</source>
        <translation>Изменений отклонено сервером: %1</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation>Ошибки синхронизации</translation>
    </message>
    <message>
        <source>Offline — sign in to your account again: click “Not signed in” in the status bar.</source>
        <translation>Нет связи — войдите в свою учётную запись снова: щёлкните «Вход не выполнен» в строке состояния.</translation>
    </message>
    <message>
        <source>Publish to a server</source>
        <translation>Публикация на сервере</translation>
    </message>
    <message>
        <source>%1 is a renter&apos;s account on the server. Sign in to a landlord&apos;s account, or create one, to publish your buildings.</source>
        <translation>%1 — учётная запись арендатора на сервере. Чтобы опубликовать дома, войдите в учётную запись арендодателя или создайте её.</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Календарь</translation>
    </message>
    <message>
        <source>sending stopped</source>
        <translation>отправка остановлена</translation>
    </message>
    <message>
        <source>Sending was stopped in the mail queue; the mails wait there until it is started again.</source>
        <translation>Отправка остановлена в очереди писем; письма ждут там, пока её не запустят снова.</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>Св&amp;одка</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::MessageListModel</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Ждёт отправки</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Прочитано</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Вы: %1</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::OccupancyView</name>
    <message>
        <source>Occupancy calendar</source>
        <translation>Календарь занятости</translation>
    </message>
    <message>
        <source>Apartments as rows and days as columns. Arrow keys move between days, Shift with Left or Right chooses nights, Enter asks for them or opens the stay under the cursor, the menu key shows what can be done with it.</source>
        <translation>Квартиры — строки, дни — столбцы. Стрелки переходят между днями, Shift со стрелкой влево или вправо выбирает ночи, Enter запрашивает их или открывает проживание под курсором, клавиша меню показывает, что с ним можно сделать.</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::PhotoCommands</name>
    <message>
        <source>Add photos</source>
        <translation>Добавить фотографии</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp);;All files (*)</source>
        <translation>Изображения (*.jpg *.jpeg *.png *.webp);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Adding photos…</source>
        <translation>Добавление фотографий…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added. Not added:</source>
        <translation>
            <numerusform>Добавлена %n фотография. Не добавлены:</numerusform>
            <numerusform>Добавлено %n фотографии. Не добавлены:</numerusform>
            <numerusform>Добавлено %n фотографий. Не добавлены:</numerusform>
        </translation>
    </message>
    <message>
        <source>Some photos not added</source>
        <translation>Не все фотографии добавлены</translation>
    </message>
    <message>
        <source>Photo not added</source>
        <translation>Фотография не добавлена</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added.</source>
        <translation>
            <numerusform>Добавлена %n фотография.</numerusform>
            <numerusform>Добавлено %n фотографии.</numerusform>
            <numerusform>Добавлено %n фотографий.</numerusform>
        </translation>
    </message>
    <message>
        <source>Photo not moved</source>
        <translation>Фотография не перемещена</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Удалить фотографию</translation>
    </message>
    <message>
        <source>Remove this photo from the apartment? Renters will no longer see it.</source>
        <translation>Удалить эту фотографию квартиры? Арендаторы больше не будут её видеть.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Photo not removed</source>
        <translation>Фотография не удалена</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::PhotoGallery</name>
    <message>
        <source>Photos</source>
        <translation>Фотографии</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>Фотографии (%1)</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Add photos from image files (JPEG, PNG or WebP), or drop them on the gallery</source>
        <translation>Добавить фотографии из файлов изображений (JPEG, PNG или WebP) или перетащить их в галерею</translation>
    </message>
    <message>
        <source>◀</source>
        <extracomment>Moves the selected photo one place towards the first.</extracomment>
        <translation>◀</translation>
    </message>
    <message>
        <source>Move the photo one place earlier (Ctrl+Left)</source>
        <translation>Передвинуть фотографию на одно место раньше (Ctrl+Влево)</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Move the photo one place later (Ctrl+Right)</source>
        <translation>Передвинуть фотографию на одно место позже (Ctrl+Вправо)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the selected photo (Delete)</source>
        <translation>Удалить выбранную фотографию (Delete)</translation>
    </message>
    <message>
        <source>Double-click a photo to see it larger; drag it to change the order</source>
        <translation>Дважды щёлкните фотографию, чтобы увеличить её; перетащите, чтобы изменить порядок</translation>
    </message>
    <message>
        <source>No photos yet. Add them with Add…, or drop image files here.</source>
        <translation>Фотографий пока нет. Добавьте их кнопкой «Добавить…» или перетащите сюда файлы изображений.</translation>
    </message>
    <message>
        <source>No photos.</source>
        <translation>Фотографий нет.</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::PhotoListModel</name>
    <message>
        <source>Photo %1 of %2, %3 × %4</source>
        <extracomment>A photo in the gallery: its place and its size in pixels.</extracomment>
        <translation>Фотография %1 из %2, %3 × %4</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::PhotoViewer</name>
    <message>
        <source>Photo %1 of %2</source>
        <translation>Фотография %1 из %2</translation>
    </message>
    <message>
        <source>%1: its picture has not arrived from the server yet.</source>
        <translation>%1: изображение ещё не получено с сервера.</translation>
    </message>
    <message>
        <source>%1: the full-size picture has not arrived from the server yet.</source>
        <translation>%1: полноразмерное изображение ещё не получено с сервера.</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фотографии</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Предыдущая</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Следующая ▶</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::PublishDialog</name>
    <message>
        <source>Publish to a server</source>
        <translation>Публикация на сервере</translation>
    </message>
    <message>
        <source>You have no buildings in this database yet: there is nothing to publish.</source>
        <translation>В этой базе пока нет ваших домов: публиковать нечего.</translation>
    </message>
    <message>
        <source>These go to the server account you sign in to next: %1, %2 and %3. They keep their details; the database on this computer stays as it is.</source>
        <translation>В учётную запись на сервере, в которую вы сейчас войдёте, уйдут: %1, %2 и %3. Все сведения сохранятся; база на этом компьютере останется как есть.</translation>
    </message>
    <message numerus="yes">
        <source>%n building(s)</source>
        <translation>
            <numerusform>%n дом</numerusform>
            <numerusform>%n дома</numerusform>
            <numerusform>%n домов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n apartment(s)</source>
        <translation>
            <numerusform>%n квартира</numerusform>
            <numerusform>%n квартиры</numerusform>
            <numerusform>%n квартир</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coming stay(s)</source>
        <translation>
            <numerusform>%n предстоящее проживание</numerusform>
            <numerusform>%n предстоящих проживания</numerusform>
            <numerusform>%n предстоящих проживаний</numerusform>
        </translation>
    </message>
    <message>
        <source>Your renters here are accounts of this computer, not of the server, so a coming stay is published as nights you hold: nobody can book them, and the server does not name the renter. Staying only here: %1, %2 and %3. What the server refuses is listed when it answers, and kept in Sync problems.</source>
        <translation>Ваши арендаторы здесь — учётные записи этого компьютера, а не сервера, поэтому предстоящее проживание публикуется как ночи, которые вы держите за собой: их никто не сможет забронировать, а имя арендатора сервер не узнает. Остаются только здесь: %1, %2 и %3. То, что сервер отклонит, будет показано списком после его ответа и останется в «Проблемах синхронизации».</translation>
    </message>
    <message numerus="yes">
        <source>%n past stay(s)</source>
        <translation>
            <numerusform>%n прошедшее проживание</numerusform>
            <numerusform>%n прошедших проживания</numerusform>
            <numerusform>%n прошедших проживаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n запрос</numerusform>
            <numerusform>%n запроса</numerusform>
            <numerusform>%n запросов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s)</source>
        <translation>
            <numerusform>%n отзыв</numerusform>
            <numerusform>%n отзыва</numerusform>
            <numerusform>%n отзывов</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in and &amp;publish…</source>
        <translation>Войти и &amp;опубликовать…</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Не опубликовано</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>Fetching your account first…</source>
        <translation>Сначала загружаем вашу учётную запись…</translation>
    </message>
    <message>
        <source>Buildings: %1</source>
        <translation>Дома: %1</translation>
    </message>
    <message>
        <source>Apartments: %1</source>
        <translation>Квартиры: %1</translation>
    </message>
    <message>
        <source>Nights you hold: %1</source>
        <translation>Ночи за вами: %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>apartment %1, %2</source>
        <translation>квартира %1, %2</translation>
    </message>
    <message>
        <source>%1: from %2 to %3</source>
        <translation>%1: с %2 по %3</translation>
    </message>
    <message>
        <source>Nothing was published: %1</source>
        <translation>Ничего не опубликовано: %1</translation>
    </message>
    <message>
        <source>%1 of %2 changes answered by the server.</source>
        <translation>Сервер ответил на %1 из %2 изменений.</translation>
    </message>
    <message>
        <source>Publishing… %1</source>
        <translation>Публикация… %1</translation>
    </message>
    <message>
        <source>Waiting for the server… %1 The rest is sent when it answers; it is kept on this computer until then.</source>
        <translation>Ждём сервер… %1 Остальное уйдёт, когда он ответит; до тех пор оно хранится на этом компьютере.</translation>
    </message>
    <message numerus="yes">
        <source>Published: %n change(s).</source>
        <translation>
            <numerusform>Опубликовано: %n изменение.</numerusform>
            <numerusform>Опубликовано: %n изменения.</numerusform>
            <numerusform>Опубликовано: %n изменений.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were on the server already.</source>
        <translation>
            <numerusform>%n уже было на сервере.</numerusform>
            <numerusform>%n уже были на сервере.</numerusform>
            <numerusform>%n уже были на сервере.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not published: %n, listed below. Those the server refused stay in Sync problems.</source>
        <translation>
            <numerusform>Не опубликовано: %n, список ниже. Отклонённое сервером остаётся в «Проблемах синхронизации».</numerusform>
            <numerusform>Не опубликовано: %n, список ниже. Отклонённое сервером остаётся в «Проблемах синхронизации».</numerusform>
            <numerusform>Не опубликовано: %n, список ниже. Отклонённое сервером остаётся в «Проблемах синхронизации».</numerusform>
        </translation>
    </message>
    <message>
        <source>Publishing stopped: %1</source>
        <translation>Публикация остановлена: %1</translation>
    </message>
    <message>
        <source>Preparing your changes: %1 of %2.</source>
        <translation>Готовим ваши изменения: %1 из %2.</translation>
    </message>
    <message>
        <source>Blocked nights: %1</source>
        <translation>Закрытые ночи: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n period(s) from the calendar “%2”</source>
        <translation>
            <numerusform>%1: %n период из календаря «%2»</numerusform>
            <numerusform>%1: %n периода из календаря «%2»</numerusform>
            <numerusform>%1: %n периодов из календаря «%2»</numerusform>
        </translation>
    </message>
    <message>
        <source>Photos: %1</source>
        <translation>Фотографии: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n photo(s)</source>
        <translation>
            <numerusform>%1: %n фотография</numerusform>
            <numerusform>%1: %n фотографии</numerusform>
            <numerusform>%1: %n фотографий</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <source>Closing this window now publishes nothing.</source>
        <translation>Если закрыть это окно сейчас, ничего не будет опубликовано.</translation>
    </message>
    <message>
        <source>Stop keeps the changes made so far: they are sent with the next sync, and publishing again makes the rest.</source>
        <translation>«Остановить» сохраняет уже сделанные изменения: они будут отправлены при следующей синхронизации, а повторная публикация сделает остальное.</translation>
    </message>
    <message>
        <source>Closing this window does not stop publishing: the changes are kept on this computer and sent with the sync; what the server refuses stays in Sync problems.</source>
        <translation>Закрытие этого окна не останавливает публикацию: изменения хранятся на этом компьютере и отправляются при синхронизации; то, что сервер отклонит, останется в «Ошибках синхронизации».</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ReviewEditor</name>
    <message>
        <source>Edit review</source>
        <translation>Изменить отзыв</translation>
    </message>
    <message>
        <source>Review the renter</source>
        <translation>Отзыв об арендаторе</translation>
    </message>
    <message>
        <source>Review the landlord</source>
        <translation>Отзыв об арендодателе</translation>
    </message>
    <message>
        <source>Review the apartment</source>
        <translation>Отзыв о квартире</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>О ком:</translation>
    </message>
    <message>
        <source>&amp;Rating:</source>
        <translation>&amp;Оценка:</translation>
    </message>
    <message>
        <source>What was good, what could be better?</source>
        <translation>Что было хорошо, что можно улучшить?</translation>
    </message>
    <message>
        <source>Re&amp;view:</source>
        <translation>О&amp;тзыв:</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ReviewsPage</name>
    <message>
        <source>About anyone</source>
        <translation>О ком угодно</translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation>Любая оценка</translation>
    </message>
    <message numerus="yes">
        <source>%n star(s) and up</source>
        <translation>
            <numerusform>от %n звезды</numerusform>
            <numerusform>от %n звёзд</numerusform>
            <numerusform>от %n звёзд</numerusform>
        </translation>
    </message>
    <message>
        <source>Only by or about me</source>
        <translation>Только мои или обо мне</translation>
    </message>
    <message numerus="yes">
        <source>%n review(s)</source>
        <translation>
            <numerusform>%n отзыв</numerusform>
            <numerusform>%n отзыва</numerusform>
            <numerusform>%n отзывов</numerusform>
        </translation>
    </message>
    <message>
        <source>No reviews by or about you yet. After a stay, choose Reviews ▸ Write review.</source>
        <translation>Пока нет ваших отзывов или отзывов о вас. После проживания выберите Отзывы ▸ Написать отзыв.</translation>
    </message>
    <message>
        <source>No review matches these filters.</source>
        <translation>Ни один отзыв не подходит под эти фильтры.</translation>
    </message>
    <message>
        <source>No reviews yet. Reviews appear after stays.</source>
        <translation>Отзывов пока нет. Они появляются после проживания.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a review to read it in full.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Выберите отзыв, чтобы прочитать его целиком.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>By %1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Изменён %1</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::ServerSettingsPage</name>
    <message>
        <source>The rentdesk-server to chat through: wss:// (encrypted), or ws:// on this computer or a trusted network.</source>
        <translation>rentdesk-server, через который идёт чат: wss:// (с шифрованием) или ws:// на этом компьютере либо в доверенной сети.</translation>
    </message>
    <message>
        <source>Only to sign in; it is not kept</source>
        <translation>Только для входа; не сохраняется</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Создать учётную запись</translation>
    </message>
    <message>
        <source>Creates an account on the server with this e-mail and password, and your name and role here; then signs in.</source>
        <translation>Создаёт на сервере учётную запись с этим e-mail и паролем и вашими именем и ролью отсюда, затем выполняет вход.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Вход выполнен: %1 (%2).</translation>
    </message>
    <message>
        <source>The account was created; signing in…</source>
        <translation>Учётная запись создана; выполняется вход…</translation>
    </message>
    <message>
        <source>Give the server&apos;s address first.</source>
        <translation>Сначала укажите адрес сервера.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Выполняется вход…</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Создаётся учётная запись…</translation>
    </message>
    <message>
        <source>Signed out. Messages not sent yet stay queued for this account.</source>
        <translation>Выход выполнен. Неотправленные сообщения остаются в очереди этой учётной записи.</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>The SQLite file RentDesk works in. A new file is created and set up on the next start.</source>
        <translation>Файл SQLite, с которым работает RentDesk. Новый файл будет создан и подготовлен при следующем запуске.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>RentDesk restarts to open another database file.</source>
        <translation>Чтобы открыть другой файл базы данных, RentDesk перезапустится.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>Файл базы данных:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Файл базы данных</translation>
    </message>
    <message>
        <source>RentDesk databases (*.sqlite);;All files (*)</source>
        <translation>Базы RentDesk (*.sqlite);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Почта</translation>
    </message>
    <message>
        <source>Show the &amp;first-run assistant when RentDesk starts next</source>
        <translation>Показать &amp;помощник первого запуска при следующем запуске RentDesk</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::StarRatingWidget</name>
    <message>
        <source>No stars</source>
        <translation>Без звёзд</translation>
    </message>
    <message>
        <source>%1 of %2 stars</source>
        <translation>%1 из %2 звёзд</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Оценка</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::SwitchAccountDialog</name>
    <message>
        <source>Switch account</source>
        <translation>Сменить учётную запись</translation>
    </message>
    <message>
        <source>Each server account you signed in to keeps its data on this computer, apart from the others. Open one, or this computer&apos;s own database:</source>
        <translation>Каждая учётная запись сервера, в которую вы входили, хранит свои данные на этом компьютере отдельно от других. Откройте одну из них или собственную базу данных этого компьютера:</translation>
    </message>
    <message>
        <source>%1 — open now</source>
        <translation>%1 — открыта сейчас</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>синхронизирована %1</translation>
    </message>
    <message>
        <source>first sync not finished</source>
        <translation>первая синхронизация не завершена</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt; on %3 (%4)</source>
        <translation>%1 &lt;%2&gt; на %3 (%4)</translation>
    </message>
    <message>
        <source>%1
Kept in %2</source>
        <translation>%1
Хранится в %2</translation>
    </message>
    <message>
        <source>This computer only (no server)</source>
        <translation>Только этот компьютер (без сервера)</translation>
    </message>
    <message>
        <source>Kept in %1</source>
        <translation>Хранится в %1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation>&amp;Подключиться к серверу…</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::SyncProblemsDialog</name>
    <message>
        <source>Sync problems</source>
        <translation>Ошибки синхронизации</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Сделано</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Why the server refused it</source>
        <translation>Почему сервер отклонил</translation>
    </message>
    <message>
        <source>&amp;Edit and retry…</source>
        <translation>&amp;Изменить и повторить…</translation>
    </message>
    <message>
        <source>Open the change in its editor with its values, to change them and send it again</source>
        <translation>Открыть изменение в редакторе с его значениями, чтобы поправить и отправить снова</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Send the change again as it is, once what stood in its way has gone</source>
        <translation>Отправить изменение снова как есть, когда помеха исчезла</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Отменить…</translation>
    </message>
    <message>
        <source>Drop the change; the server&apos;s data stays as it is</source>
        <translation>Отбросить изменение; данные сервера остаются как есть</translation>
    </message>
    <message>
        <source>The refused changes cannot be read: %1</source>
        <translation>Не удаётся прочитать отклонённые изменения: %1</translation>
    </message>
    <message>
        <source>The server has accepted every change made here.</source>
        <translation>Сервер принял все изменения, сделанные здесь.</translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n change(s) made here. Their effect is undone on this computer; each stays here until you retry or discard it.</source>
        <translation>
            <numerusform>Сервер отклонил %n изменение, сделанное здесь. Его действие отменено на этом компьютере; оно остаётся здесь, пока вы не повторите или не отмените его.</numerusform>
            <numerusform>Сервер отклонил %n изменения, сделанных здесь. Их действие отменено на этом компьютере; каждое остаётся здесь, пока вы не повторите или не отмените его.</numerusform>
            <numerusform>Сервер отклонил %n изменений, сделанных здесь. Их действие отменено на этом компьютере; каждое остаётся здесь, пока вы не повторите или не отмените его.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not retried</source>
        <translation>Не повторено</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Отменить изменение</translation>
    </message>
    <message>
        <source>Discard “%1”? The server&apos;s data stays as it is.</source>
        <translation>Отменить «%1»? Данные сервера останутся как есть.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Not discarded</source>
        <translation>Не отменено</translation>
    </message>
</context>
<context>
    <name>rentdesk::views::TablePage</name>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>%1: details</source>
        <translation>%1: подробности</translation>
    </message>
</context>
</TS>
