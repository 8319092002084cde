// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/demo/demorandom.h"
#include "models/domain/enums.h"

#include <QString>
#include <QStringView>

#include <span>

namespace rentdesk::models::demo {

// The words of the demo data: people's names, cities with their streets and prices, and
// the sentences of descriptions and reviews, in Russian and English. Text is written in
// the language of the city (listings) or of the author (reviews). Nothing here is
// translated at run time: it is data, like a user's own text.

struct City
{
    QStringView name; // in the city's own language
    domain::Language language;
    QStringView currency; // ISO 4217
    int pricePerSqm; // major units per square metre and month, a typical asking rent
    int priceStep; // asking rents are round numbers: multiples of this, in major units
    std::span<const QStringView> streets;
    int weight; // how many of the buildings are in this city, relatively
};

[[nodiscard]] std::span<const City> cities();
// A city chosen by weight.
[[nodiscard]] const City &randomCity(DemoRandom &random);
// The city with this name; it must be one of cities().
[[nodiscard]] const City &cityNamed(QStringView name);

struct Person
{
    QString displayName; // "Анна Смирнова", "Oliver Brown"
    QString emailName; // "anna.smirnova": Latin letters, for the e-mail address
    domain::Language language; // Russian for a Russian name, English otherwise
};

[[nodiscard]] Person randomPerson(DemoRandom &random, domain::Language language);
// A mobile number in the national format of the language's country.
[[nodiscard]] QString randomPhone(DemoRandom &random, domain::Language language);

[[nodiscard]] QString buildingName(DemoRandom &random, const City &city);
[[nodiscard]] QString buildingAddress(DemoRandom &random, const City &city);

struct ApartmentFacts
{
    int rooms = 1;
    int floor = 1;
    double area = 0;
    bool furnished = false;
    bool petsAllowed = false;
};

// A listing's description: a headline from the facts and a few varied sentences, so that
// searching the text finds different apartments for different words.
[[nodiscard]] QString apartmentDescription(DemoRandom &random, const City &city, const ApartmentFacts &facts);

// The text of a review of this kind and rating, in the author's language.
[[nodiscard]] QString reviewBody(DemoRandom &random, domain::ReviewKind kind, domain::Language language, int rating);

} // namespace rentdesk::models::demo
