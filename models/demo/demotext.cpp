// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demotext.h"

#include <QStringList>

#include <algorithm>
#include <array>

namespace rentdesk::models::demo {

using namespace Qt::StringLiterals;
using domain::Language;
using domain::ReviewKind;

namespace {

// A name and its Latin spelling for e-mail addresses.
struct Name
{
    QStringView text;
    QStringView latin;
};

// ---- People ----------------------------------------------------------------------------

constexpr Name russianMaleFirst[] = {
    { u"Александр", u"aleksandr" }, { u"Дмитрий", u"dmitry" },   { u"Максим", u"maksim" }, { u"Сергей", u"sergey" },
    { u"Андрей", u"andrey" },       { u"Алексей", u"aleksey" },  { u"Иван", u"ivan" },     { u"Михаил", u"mikhail" },
    { u"Николай", u"nikolay" },     { u"Павел", u"pavel" },      { u"Егор", u"egor" },     { u"Артём", u"artem" },
    { u"Илья", u"ilya" },           { u"Кирилл", u"kirill" },    { u"Роман", u"roman" },   { u"Владимир", u"vladimir" },
    { u"Тимур", u"timur" },         { u"Григорий", u"grigory" },
};

constexpr Name russianFemaleFirst[] = {
    { u"Анна", u"anna" },           { u"Мария", u"maria" },     { u"Елена", u"elena" },
    { u"Ольга", u"olga" },          { u"Наталья", u"natalya" }, { u"Татьяна", u"tatyana" },
    { u"Екатерина", u"ekaterina" }, { u"Ирина", u"irina" },     { u"Светлана", u"svetlana" },
    { u"Юлия", u"yulia" },          { u"Дарья", u"darya" },     { u"Анастасия", u"anastasia" },
    { u"Ксения", u"ksenia" },       { u"Полина", u"polina" },   { u"Алина", u"alina" },
    { u"Виктория", u"viktoria" },   { u"Софья", u"sofya" },     { u"Вера", u"vera" },
};

// Surnames in the masculine form; the feminine adds "а" (Иванов, Иванова).
constexpr Name russianSurnames[] = {
    { u"Иванов", u"ivanov" },     { u"Смирнов", u"smirnov" },    { u"Кузнецов", u"kuznetsov" },
    { u"Попов", u"popov" },       { u"Васильев", u"vasilyev" },  { u"Петров", u"petrov" },
    { u"Соколов", u"sokolov" },   { u"Михайлов", u"mikhaylov" }, { u"Новиков", u"novikov" },
    { u"Фёдоров", u"fedorov" },   { u"Морозов", u"morozov" },    { u"Волков", u"volkov" },
    { u"Алексеев", u"alekseev" }, { u"Лебедев", u"lebedev" },    { u"Семёнов", u"semenov" },
    { u"Егоров", u"egorov" },     { u"Павлов", u"pavlov" },      { u"Козлов", u"kozlov" },
    { u"Степанов", u"stepanov" }, { u"Николаев", u"nikolaev" },  { u"Орлов", u"orlov" },
    { u"Андреев", u"andreev" },   { u"Макаров", u"makarov" },    { u"Никитин", u"nikitin" },
    { u"Захаров", u"zakharov" },  { u"Зайцев", u"zaytsev" },     { u"Соловьёв", u"solovyev" },
    { u"Борисов", u"borisov" },   { u"Яковлев", u"yakovlev" },   { u"Григорьев", u"grigoryev" },
    { u"Романов", u"romanov" },   { u"Воробьёв", u"vorobyev" },  { u"Белов", u"belov" },
    { u"Тарасов", u"tarasov" },   { u"Гусев", u"gusev" },        { u"Киселёв", u"kiselev" },
};

constexpr QStringView englishFirst[] = {
    u"Oliver", u"George",  u"Harry", u"Jack",      u"Jacob",  u"Noah",  u"Charlie", u"Thomas",
    u"Oscar",  u"William", u"James", u"Leo",       u"Arthur", u"Henry", u"Samuel",  u"Daniel",
    u"Amelia", u"Olivia",  u"Isla",  u"Emily",     u"Ava",    u"Lily",  u"Mia",     u"Sophie",
    u"Grace",  u"Ella",    u"Freya", u"Charlotte", u"Evie",   u"Poppy", u"Alice",   u"Florence",
};

constexpr QStringView englishSurnames[] = {
    u"Smith",   u"Jones",    u"Taylor", u"Brown",    u"Williams", u"Wilson",  u"Johnson", u"Davies", u"Robinson",
    u"Wright",  u"Thompson", u"Evans",  u"Walker",   u"White",    u"Roberts", u"Green",   u"Hall",   u"Wood",
    u"Jackson", u"Clarke",   u"Patel",  u"Khan",     u"Lewis",    u"Harris",  u"Martin",  u"Cooper", u"Hughes",
    u"Edwards", u"Turner",   u"Murray", u"Campbell", u"Stewart",  u"Morgan",  u"Baker",   u"Price",  u"Bennett",
};

// ---- Cities ----------------------------------------------------------------------------

constexpr QStringView moscowStreets[] = {
    u"ул. Тверская",         u"ул. Арбат",     u"Ленинский проспект", u"ул. Профсоюзная",   u"Кутузовский проспект",
    u"ул. Большая Якиманка", u"проспект Мира", u"ул. Покровка",       u"Хорошёвское шоссе", u"ул. Остоженка",
};
constexpr QStringView petersburgStreets[] = {
    u"Невский проспект", u"Литейный проспект",   u"ул. Садовая", u"ул. Большая Морская", u"Каменноостровский проспект",
    u"ул. Рубинштейна",  u"Московский проспект", u"ул. Марата",  u"наб. реки Фонтанки",
};
constexpr QStringView kazanStreets[] = {
    u"ул. Баумана", u"ул. Пушкина", u"ул. Кремлёвская", u"проспект Победы", u"ул. Чистопольская", u"ул. Декабристов",
};
constexpr QStringView novosibirskStreets[] = {
    u"Красный проспект", u"ул. Ленина", u"ул. Советская", u"ул. Гоголя", u"ул. Кирова", u"ул. Фрунзе",
};
constexpr QStringView yekaterinburgStreets[] = {
    u"ул. Малышева", u"проспект Ленина", u"ул. 8 Марта", u"ул. Вайнера", u"ул. Белинского", u"ул. Радищева",
};
constexpr QStringView nizhnyStreets[] = {
    u"ул. Большая Покровская", u"ул. Рождественская", u"ул. Белинского", u"проспект Гагарина", u"ул. Минина",
};
constexpr QStringView londonStreets[] = {
    u"Baker Street",
    u"Camden Road",
    u"King's Road",
    u"Brick Lane",
    u"Holloway Road",
    u"Old Kent Road",
    u"Marylebone High Street",
    u"Upper Street",
    u"Clapham High Street",
    u"Bermondsey Street",
};
constexpr QStringView manchesterStreets[] = {
    u"Deansgate", u"Oxford Road", u"Wilmslow Road", u"Portland Street", u"Chapel Street", u"Whitworth Street",
};
constexpr QStringView edinburghStreets[] = {
    u"Princes Street", u"Leith Walk", u"George Street", u"Dalry Road", u"Bruntsfield Place", u"Easter Road",
};
constexpr QStringView bristolStreets[] = {
    u"Park Street", u"Gloucester Road", u"Whiteladies Road", u"Cheltenham Road", u"North Street",
};
constexpr QStringView leedsStreets[] = {
    u"Briggate", u"Headingley Lane", u"Kirkstall Road", u"Otley Road", u"Roundhay Road",
};

const City cityTable[] = {
    { u"Москва", Language::Russian, u"RUB", 1400, 1000, moscowStreets, 20 },
    { u"Санкт-Петербург", Language::Russian, u"RUB", 1000, 1000, petersburgStreets, 14 },
    { u"Казань", Language::Russian, u"RUB", 700, 500, kazanStreets, 6 },
    { u"Новосибирск", Language::Russian, u"RUB", 650, 500, novosibirskStreets, 5 },
    { u"Екатеринбург", Language::Russian, u"RUB", 700, 500, yekaterinburgStreets, 5 },
    { u"Нижний Новгород", Language::Russian, u"RUB", 600, 500, nizhnyStreets, 4 },
    { u"London", Language::English, u"GBP", 38, 25, londonStreets, 22 },
    { u"Manchester", Language::English, u"GBP", 19, 25, manchesterStreets, 8 },
    { u"Edinburgh", Language::English, u"GBP", 22, 25, edinburghStreets, 6 },
    { u"Bristol", Language::English, u"GBP", 21, 25, bristolStreets, 5 },
    { u"Leeds", Language::English, u"GBP", 16, 25, leedsStreets, 5 },
};

constexpr QStringView russianComplexNames[] = {
    u"Северное сияние", u"Солнечный", u"Парковый", u"Речной берег", u"Седьмое небо", u"Липовая роща",
    u"Династия",        u"Легенда",   u"Флагман",  u"Времена года", u"Лазурный",     u"Кленовый",
};
constexpr QStringView englishBuildingWords[] = {
    u"Riverside", u"Kingsway",   u"Victoria", u"Albion", u"Regent",   u"Elm",     u"Willow",  u"Harbour",
    u"Canal",     u"Millennium", u"Hawthorn", u"Beacon", u"Meridian", u"Foundry", u"Station", u"Garden",
};
constexpr QStringView englishBuildingKinds[] = {
    u"House", u"Court", u"Apartments", u"Lofts", u"Mansions", u"Point", u"Place", u"Works",
};

// ---- Listings --------------------------------------------------------------------------

struct Phrases
{
    std::span<const QStringView> russian;
    std::span<const QStringView> english;

    [[nodiscard]] std::span<const QStringView> in(Language language) const
    {
        return language == Language::Russian ? russian : english;
    }
};

constexpr QStringView russianAdjectives[] = {
    u"Светлая", u"Уютная", u"Просторная", u"Тихая", u"Солнечная", u"Современная", u"Тёплая", u"Стильная",
};
constexpr QStringView englishAdjectives[] = {
    u"Bright", u"Cosy", u"Spacious", u"Quiet", u"Sunny", u"Modern", u"Warm", u"Stylish",
};
constexpr QStringView russianRooms[] = {
    u"однокомнатная", u"двухкомнатная", u"трёхкомнатная", u"четырёхкомнатная", u"пятикомнатная", u"шестикомнатная",
};
constexpr QStringView englishRooms[] = {
    u"studio", u"two-room", u"three-room", u"four-room", u"five-room", u"six-room",
};

constexpr QStringView russianFeatures[] = {
    u"Свежий ремонт.",
    u"Большая кухня-гостиная.",
    u"Балкон с видом на парк.",
    u"Застеклённая лоджия.",
    u"Тёплые полы в ванной.",
    u"Панорамные окна.",
    u"Высокие потолки.",
    u"Встроенная кухня с посудомоечной машиной.",
    u"Кондиционер в каждой комнате.",
    u"Гардеробная.",
    u"Раздельный санузел.",
    u"Стиральная и сушильная машины.",
    u"Быстрый интернет.",
    u"Окна во двор, очень тихо.",
    u"Вид на реку.",
    u"Паркетный пол.",
};
constexpr QStringView englishFeatures[] = {
    u"Newly renovated.",
    u"Large kitchen-diner.",
    u"Balcony overlooking the park.",
    u"Enclosed loggia.",
    u"Underfloor heating in the bathroom.",
    u"Floor-to-ceiling windows.",
    u"High ceilings.",
    u"Fitted kitchen with a dishwasher.",
    u"Air conditioning throughout.",
    u"Walk-in wardrobe.",
    u"Separate bathroom and WC.",
    u"Washer and dryer.",
    u"Fibre broadband.",
    u"Faces the courtyard, very quiet.",
    u"River views.",
    u"Original wooden floors.",
};
constexpr QStringView russianSurroundings[] = {
    u"Рядом метро.",
    u"До метро пять минут пешком.",
    u"Рядом парк и набережная.",
    u"Во дворе детская площадка.",
    u"Рядом школа и детский сад.",
    u"В доме есть консьерж.",
    u"Охраняемая территория и подземный паркинг.",
    u"Рядом торговый центр и супермаркет.",
    u"Удобная транспортная развязка.",
    u"Тихий зелёный район.",
    u"До центра 15 минут.",
    u"Рядом университет.",
    u"Рядом фитнес-клуб и бассейн.",
    u"Кафе и пекарня на первом этаже.",
};
constexpr QStringView englishSurroundings[] = {
    u"Close to the station.",
    u"Five minutes' walk to the bus stop.",
    u"Next to a park and the canal.",
    u"Children's playground in the courtyard.",
    u"Good schools nearby.",
    u"Concierge in the building.",
    u"Secure entry and underground parking.",
    u"Supermarket and shops around the corner.",
    u"Excellent bus links.",
    u"Quiet leafy street.",
    u"15 minutes to the city centre.",
    u"Near the university.",
    u"Gym and pool nearby.",
    u"Café and bakery on the ground floor.",
};
constexpr QStringView russianTerms[] = {
    u"Долгосрочная аренда, залог по договорённости.",
    u"Возможна краткосрочная аренда.",
    u"Коммунальные услуги включены.",
    u"Показ в любое удобное время.",
};
constexpr QStringView englishTerms[] = {
    u"Long let, deposit negotiable.",
    u"Short lets considered.",
    u"Bills included.",
    u"Viewings any time.",
};

// ---- Reviews ---------------------------------------------------------------------------

// Sentences by kind of review and by rating: 4–5 good, 3 mixed, 1–2 poor.
constexpr QStringView russianApartmentGood[] = {
    u"Отличная квартира, всё как на фотографиях.",  u"Очень чисто и уютно, обязательно вернёмся.",
    u"Тихо, тепло, хорошая шумоизоляция.",          u"Прекрасный вид из окна и удобная кухня.",
    u"Есть всё необходимое для жизни, рекомендую.", u"Расположение идеальное: метро и магазины рядом.",
};
constexpr QStringView russianApartmentMixed[] = {
    u"В целом неплохо, но мебель уже старая.",
    u"Квартира нормальная, но шумно со стороны улицы.",
    u"Соответствует цене, без сюрпризов.",
    u"Немного тесновато, зато хорошее расположение.",
};
constexpr QStringView russianApartmentPoor[] = {
    u"Квартира не соответствует описанию.",
    u"Было грязно, а горячая вода пропадала.",
    u"Очень шумно, выспаться не удалось.",
    u"Сломанная техника, ремонт так и не сделали.",
};
constexpr QStringView englishApartmentGood[] = {
    u"Lovely flat, exactly as pictured.",
    u"Spotless and cosy, we will be back.",
    u"Quiet, warm and well insulated.",
    u"Great view and a well-equipped kitchen.",
    u"Everything you need for a comfortable stay.",
    u"Perfect location, shops and transport on the doorstep.",
};
constexpr QStringView englishApartmentMixed[] = {
    u"Fine overall, but the furniture is tired.",
    u"Decent flat, a bit noisy on the street side.",
    u"Fair for the price, no surprises.",
    u"A little cramped, but a good location.",
};
constexpr QStringView englishApartmentPoor[] = {
    u"The flat did not match the listing.",
    u"It was dirty and the hot water kept failing.",
    u"Very noisy, we could hardly sleep.",
    u"Broken appliances that were never fixed.",
};

constexpr QStringView russianLandlordGood[] = {
    u"Арендодатель всегда на связи и быстро решает вопросы.",
    u"Очень приятный и отзывчивый хозяин.",
    u"Ключи передали вовремя, без задержек.",
    u"Честный арендодатель, залог вернули сразу.",
};
constexpr QStringView russianLandlordMixed[] = {
    u"Отвечает не сразу, но в итоге всё решает.",
    u"Договорились, хотя о ремонте пришлось напоминать.",
};
constexpr QStringView russianLandlordPoor[] = {
    u"Арендодатель не отвечал на звонки.",
    u"Залог вернули только через месяц.",
};
constexpr QStringView englishLandlordGood[] = {
    u"Always reachable and quick to sort things out.",
    u"A friendly, helpful landlord.",
    u"The key handover was smooth and on time.",
    u"An honest landlord, the deposit came back at once.",
};
constexpr QStringView englishLandlordMixed[] = {
    u"Slow to reply, but got there in the end.",
    u"We agreed in the end, though repairs needed chasing.",
};
constexpr QStringView englishLandlordPoor[] = {
    u"The landlord never answered the phone.",
    u"The deposit took a month to come back.",
};

constexpr QStringView russianRenterGood[] = {
    u"Аккуратный жилец, квартиру вернули в идеальном состоянии.",
    u"Платежи вовремя, никаких проблем.",
    u"Вежливый и пунктуальный арендатор, рекомендую.",
    u"Бережно относился к мебели и технике.",
};
constexpr QStringView russianRenterMixed[] = {
    u"В целом хорошо, но оплату иногда приходилось ждать.",
    u"Выехал с опозданием на день.",
};
constexpr QStringView russianRenterPoor[] = {
    u"После выезда потребовалась генеральная уборка.",
    u"Соседи жаловались на шум.",
};
constexpr QStringView englishRenterGood[] = {
    u"A tidy tenant, the flat was left spotless.",
    u"Paid on time, no problems at all.",
    u"Polite and punctual, recommended.",
    u"Took good care of the furniture and appliances.",
};
constexpr QStringView englishRenterMixed[] = {
    u"Fine overall, but the rent was sometimes late.",
    u"Checked out a day late.",
};
constexpr QStringView englishRenterPoor[] = {
    u"The flat needed a deep clean afterwards.",
    u"The neighbours complained about noise.",
};

struct ReviewPhrases
{
    Phrases good;
    Phrases mixed;
    Phrases poor;

    [[nodiscard]] const Phrases &forRating(int rating) const { return rating >= 4 ? good : rating == 3 ? mixed : poor; }
};

const ReviewPhrases apartmentReviews { { russianApartmentGood, englishApartmentGood },
                                       { russianApartmentMixed, englishApartmentMixed },
                                       { russianApartmentPoor, englishApartmentPoor } };
const ReviewPhrases landlordReviews { { russianLandlordGood, englishLandlordGood },
                                      { russianLandlordMixed, englishLandlordMixed },
                                      { russianLandlordPoor, englishLandlordPoor } };
const ReviewPhrases renterReviews { { russianRenterGood, englishRenterGood },
                                    { russianRenterMixed, englishRenterMixed },
                                    { russianRenterPoor, englishRenterPoor } };

template<typename T, size_t N> std::span<const T> all(const T (&items)[N])
{
    return std::span<const T>(items, N);
}

QString digits(DemoRandom &random, int count)
{
    QString text;
    text.reserve(count);
    for (int i = 0; i < count; ++i)
        text += QChar(u'0' + random.between(0, 9));
    return text;
}

QString englishOrdinal(int n)
{
    const int lastTwo = n % 100;
    const int last = n % 10;
    const char16_t *suffix = u"th";
    if (lastTwo < 11 || lastTwo > 13) {
        if (last == 1)
            suffix = u"st";
        else if (last == 2)
            suffix = u"nd";
        else if (last == 3)
            suffix = u"rd";
    }
    return QString::number(n) + QStringView(suffix);
}

// Picks `count` different sentences from items, in a random order.
QStringList distinctPicks(DemoRandom &random, std::span<const QStringView> items, int count)
{
    QStringList picked;
    QList<int> used;
    while (picked.size() < count && used.size() < qsizetype(items.size())) {
        const int index = random.between(0, int(items.size()) - 1);
        if (used.contains(index))
            continue;
        used.append(index);
        picked.append(items[size_t(index)].toString());
    }
    return picked;
}

} // namespace

std::span<const City> cities()
{
    return all(cityTable);
}

const City &randomCity(DemoRandom &random)
{
    static const std::array<int, std::size(cityTable)> weights = [] {
        std::array<int, std::size(cityTable)> result {};
        for (size_t i = 0; i < std::size(cityTable); ++i)
            result[i] = cityTable[i].weight;
        return result;
    }();
    return cityTable[size_t(random.weighted(weights))];
}

const City &cityNamed(QStringView name)
{
    for (const City &city : cityTable) {
        if (city.name == name)
            return city;
    }
    Q_UNREACHABLE();
    return cityTable[0];
}

Person randomPerson(DemoRandom &random, Language language)
{
    if (language == Language::Russian) {
        const bool female = random.percent(50);
        const Name &first = random.pick(female ? all(russianFemaleFirst) : all(russianMaleFirst));
        const Name &last = random.pick(all(russianSurnames));
        const QString suffix = female ? u"а"_s : QString();
        const QString latinSuffix = female ? u"a"_s : QString();
        return { first.text.toString() + u' ' + last.text.toString() + suffix,
                 first.latin.toString() + u'.' + last.latin.toString() + latinSuffix, language };
    }
    const QStringView first = random.pick(all(englishFirst));
    const QStringView last = random.pick(all(englishSurnames));
    return { first.toString() + u' ' + last.toString(), (first.toString() + u'.' + last.toString()).toLower(),
             language };
}

QString randomPhone(DemoRandom &random, Language language)
{
    if (language == Language::Russian) {
        return u"+7 (9"_s + digits(random, 2) + u") "_s + digits(random, 3) + u'-' + digits(random, 2) + u'-'
            + digits(random, 2);
    }
    return u"+44 7"_s + digits(random, 3) + u' ' + digits(random, 6);
}

QString buildingName(DemoRandom &random, const City &city)
{
    if (city.language == Language::Russian)
        return u"ЖК «"_s + random.pick(all(russianComplexNames)).toString() + u'»';
    return random.pick(all(englishBuildingWords)).toString() + u' ' + random.pick(all(englishBuildingKinds)).toString();
}

QString buildingAddress(DemoRandom &random, const City &city)
{
    const QString street = random.pick(city.streets).toString();
    const QString number = QString::number(random.between(1, 180));
    if (city.language == Language::Russian) {
        QString address = street + u", д. "_s + number;
        if (random.percent(25))
            address += u", корп. "_s + QString::number(random.between(1, 5));
        return address;
    }
    return number + u' ' + street;
}

QString apartmentDescription(DemoRandom &random, const City &city, const ApartmentFacts &facts)
{
    const Language language = city.language;
    const bool russian = language == Language::Russian;
    const int roomIndex = std::clamp(facts.rooms, 1, int(std::size(russianRooms))) - 1;
    QStringList sentences;
    const QString adjective = random.pick(russian ? all(russianAdjectives) : all(englishAdjectives)).toString();
    QString area = QString::number(facts.area, 'f', 1);
    if (russian) {
        area.replace(u'.', u',');
        sentences << adjective + u' ' + russianRooms[size_t(roomIndex)].toString() + u" квартира на "_s
                + QString::number(facts.floor) + u"-м этаже."_s;
        sentences << u"Площадь "_s + area + u" м²."_s;
    } else {
        sentences << adjective + u' ' + englishRooms[size_t(roomIndex)].toString() + u" flat on the "_s
                + englishOrdinal(facts.floor) + u" floor."_s;
        sentences << u"Floor area "_s + area + u" m²."_s;
    }
    const Phrases features { russianFeatures, englishFeatures };
    const Phrases surroundings { russianSurroundings, englishSurroundings };
    const Phrases terms { russianTerms, englishTerms };
    sentences << distinctPicks(random, features.in(language), random.between(1, 3));
    sentences << distinctPicks(random, surroundings.in(language), random.between(1, 2));
    if (russian) {
        sentences << (facts.furnished ? u"Полностью меблирована, есть вся техника."_s
                                      : u"Без мебели, можно обставить под себя."_s);
        sentences << (facts.petsAllowed ? u"Можно с домашними животными."_s : u"Без домашних животных."_s);
    } else {
        sentences << (facts.furnished ? u"Fully furnished, all appliances included."_s
                                      : u"Unfurnished, ready for your own furniture."_s);
        sentences << (facts.petsAllowed ? u"Pets welcome."_s : u"No pets, please."_s);
    }
    if (random.percent(50))
        sentences << random.pick(terms.in(language)).toString();
    return sentences.join(u' ');
}

QString reviewBody(DemoRandom &random, ReviewKind kind, Language language, int rating)
{
    const ReviewPhrases &phrases = kind == ReviewKind::Apartment ? apartmentReviews
        : kind == ReviewKind::Landlord                           ? landlordReviews
                                                                 : renterReviews;
    if (random.percent(8))
        return u""_s; // a rating without words: empty text, not NULL (Qt binds a null QString as NULL)
    return distinctPicks(random, phrases.forRating(rating).in(language), random.between(1, 2)).join(u' ');
}

} // namespace rentdesk::models::demo
