// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/sqlitehandle.h"

#include "models/db/query.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>

#include <algorithm>
#include <cstring>
#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <sqlite3.h>

namespace rentdesk::models::db {

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

DbError lastSqliteError(sqlite3 *handle, const QSqlDatabase &db)
{
    // Qt's driver reports the extended result code as the native error code, and the
    // message as the database text: classify() reads both.
    return classify(QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(handle)), QSqlError::StatementError,
                              QString::number(sqlite3_extended_errcode(handle))),
                    db);
}

namespace {

// The DT_NEEDED entries of a 64-bit ELF shared object, read from its file: the dynamic
// section of the loaded copy may hold relocated addresses, the file never does.
QStringList neededLibraries(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    const auto at = [&](qint64 offset, qint64 size) {
        return offset >= 0 && size >= 0 && offset + size <= bytes.size() ? bytes.constData() + offset : nullptr;
    };
    Elf64_Ehdr header;
    const char *start = at(0, sizeof header);
    if (!start || std::memcmp(start, ELFMAG, SELFMAG) != 0 || start[EI_CLASS] != ELFCLASS64)
        return {};
    std::memcpy(&header, start, sizeof header);
    QStringList needed;
    for (int i = 0; i < header.e_shnum; ++i) {
        Elf64_Shdr section;
        const char *entry = at(qint64(header.e_shoff) + qint64(i) * header.e_shentsize, sizeof section);
        if (!entry)
            return {};
        std::memcpy(&section, entry, sizeof section);
        if (section.sh_type != SHT_DYNAMIC || section.sh_link >= header.e_shnum)
            continue;
        Elf64_Shdr strings;
        const char *stringsEntry =
            at(qint64(header.e_shoff) + qint64(section.sh_link) * header.e_shentsize, sizeof strings);
        if (!stringsEntry)
            return {};
        std::memcpy(&strings, stringsEntry, sizeof strings);
        for (quint64 offset = 0; offset + sizeof(Elf64_Dyn) <= section.sh_size; offset += sizeof(Elf64_Dyn)) {
            Elf64_Dyn dynamic;
            const char *dynamicEntry = at(qint64(section.sh_offset + offset), sizeof dynamic);
            if (!dynamicEntry)
                return {};
            std::memcpy(&dynamic, dynamicEntry, sizeof dynamic);
            if (dynamic.d_tag == DT_NULL)
                break;
            if (dynamic.d_tag != DT_NEEDED || dynamic.d_un.d_val >= strings.sh_size)
                continue;
            const char *name = at(qint64(strings.sh_offset + dynamic.d_un.d_val), 1);
            if (name)
                needed << QString::fromLocal8Bit(name, qsizetype(strnlen(name, strings.sh_size - dynamic.d_un.d_val)));
        }
    }
    return needed;
}

struct LoadedObjects
{
    QString sqlitePlugin;
    QStringList sqliteLibraries;
};

int collect(struct dl_phdr_info *info, size_t, void *data)
{
    auto *loaded = static_cast<LoadedObjects *>(data);
    const QString name = QString::fromLocal8Bit(info->dlpi_name);
    const QString base = QFileInfo(name).fileName();
    if (base.startsWith(u"libsqlite3."))
        loaded->sqliteLibraries << name;
    else if (name.contains(u"/sqldrivers/") && base.contains(u"sqlite"))
        loaded->sqlitePlugin = name;
    return 0;
}

DbError linkageError(const QString &message)
{
    DbError error;
    error.kind = DbError::Kind::Configuration;
    error.message = message;
    return error;
}

} // namespace

SqliteLinkage readSqliteLinkage(const QSqlDatabase &db)
{
    SqliteLinkage linkage;
    Dl_info info;
    if (dladdr(reinterpret_cast<void *>(&sqlite3_libversion), &info) != 0 && info.dli_fname)
        linkage.ours = QFileInfo(QString::fromLocal8Bit(info.dli_fname)).canonicalFilePath();
    linkage.oursVersion = QString::fromLatin1(sqlite3_libversion());
    linkage.oursSourceId = QString::fromLatin1(sqlite3_sourceid());
    if (auto version = scalar(db, QStringLiteral("SELECT sqlite_version()")))
        linkage.driverVersion = version->toString();
    if (auto source = scalar(db, QStringLiteral("SELECT sqlite_source_id()")))
        linkage.driverSourceId = source->toString();
    LoadedObjects loaded;
    dl_iterate_phdr(&collect, &loaded);
    linkage.driverFile = loaded.sqlitePlugin;
    for (const QString &library : std::as_const(loaded.sqliteLibraries))
        linkage.sqliteLibraries << QFileInfo(library).canonicalFilePath();
    linkage.sqliteLibraries.removeDuplicates();
    if (!linkage.driverFile.isEmpty())
        linkage.driverNeeds = neededLibraries(linkage.driverFile);
    return linkage;
}

std::expected<void, DbError> checkSameSqlite(const SqliteLinkage &linkage)
{
    const auto refuse = [](const QString &why) {
        return std::unexpected(linkageError(
            QCoreApplication::translate("DbError",
                                        "Qt's SQLite driver does not use RentDesk's SQLite library (%1); RentDesk "
                                        "needs Qt built against the system's libsqlite3, as Debian's "
                                        "libqt6sql6-sqlite is.")
                .arg(why)));
    };
    if (linkage.oursVersion != linkage.driverVersion || linkage.oursSourceId != linkage.driverSourceId)
        return refuse(
            QStringLiteral("SQLite %1 against the driver's %2").arg(linkage.oursVersion, linkage.driverVersion));
    if (linkage.sqliteLibraries.size() != 1 || linkage.sqliteLibraries.constFirst() != linkage.ours)
        return refuse(
            QStringLiteral("RentDesk's is %1, loaded: %2")
                .arg(linkage.ours.isEmpty() ? QStringLiteral("built in") : linkage.ours,
                     linkage.sqliteLibraries.isEmpty() ? QStringLiteral("none") : linkage.sqliteLibraries.join(u", ")));
    const QString soname = QFileInfo(linkage.ours).fileName().section(u'.', 0, 2); // libsqlite3.so.0
    const bool linked = std::any_of(linkage.driverNeeds.cbegin(), linkage.driverNeeds.cend(),
                                    [&](const QString &needed) { return needed.startsWith(soname); });
    if (linkage.driverFile.isEmpty() || !linked)
        return refuse(QStringLiteral("%1 carries its own")
                          .arg(linkage.driverFile.isEmpty() ? QStringLiteral("the driver") : linkage.driverFile));
    return {};
}

} // namespace rentdesk::models::db
