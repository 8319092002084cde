// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace rentdesk::models::db {

// What went wrong in the database layer, classified so that callers can react and
// map it to a field, without ever showing the driver's raw text to a user.
struct DbError
{
    enum class Kind {
        CannotCreate, // the file or its folder cannot be created
        CannotOpen, // the file exists but cannot be opened
        NotADatabase, // not an SQLite file, or a corrupt one
        ForeignDatabase, // an SQLite database that RentDesk did not create
        NewerSchema, // written by a newer RentDesk release
        Configuration, // a required PRAGMA did not take effect
        Migration, // a migration failed and was rolled back
        Constraint, // the database refused the data (see constraintKind and constraint)
        Busy, // another connection held the lock past the busy timeout
        Query, // any other failure of a statement
    };

    enum class ConstraintKind {
        None,
        Check,
        Unique,
        ForeignKey,
        NotNull,
        PrimaryKey,
        Trigger, // a RAISE(ABORT, '<name>') in one of our triggers
        DataType, // a value of the wrong type for a STRICT column
    };

    Kind kind = Kind::Query;
    // One readable, translated line for a person; names the file or object concerned.
    QString message;
    // For Kind::Constraint: the constraint, index or trigger name, or "table.column"
    // where SQLite reports only the column (NOT NULL, data type). Empty for foreign keys:
    // SQLite does not say which one failed.
    QString constraint;
    ConstraintKind constraintKind = ConstraintKind::None;
    // The driver's own text, for logs only.
    QString detail;

    [[nodiscard]] bool isConstraint(ConstraintKind k) const { return kind == Kind::Constraint && constraintKind == k; }
};

} // namespace rentdesk::models::db
