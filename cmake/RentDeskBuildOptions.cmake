# SPDX-License-Identifier: GPL-3.0-or-later
#
# One INTERFACE target that every RentDesk target links: the warnings we hold the
# code to and Qt's strictness switches. Only switches that exist in Qt 6.4 are used
# (QT_NO_CONTEXTLESS_CONNECT and QT_DISABLE_DEPRECATED_UP_TO came later).

add_library(rentdesk_build_options INTERFACE)
add_library(RentDesk::BuildOptions ALIAS rentdesk_build_options)

# The repository's root is the one include root: a header is included by its path from there
# ("models/mail/outboxstore.h", "net/mail/outboxsender.h"), so an include says which layer it
# reaches into, and two layers' folders of the same name (mail/, chat/) cannot be confused.
target_include_directories(rentdesk_build_options INTERFACE "${PROJECT_SOURCE_DIR}")

target_compile_definitions(rentdesk_build_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_JAVA_STYLE_ITERATORS
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    RENTDESK_VERSION="${PROJECT_VERSION}")

target_compile_options(rentdesk_build_options INTERFACE
    -Wall
    -Wextra
    -Wpedantic
    -Wcast-align
    -Wduplicated-cond
    -Wformat=2
    -Wimplicit-fallthrough
    -Wlogical-op
    -Wmisleading-indentation
    -Wnon-virtual-dtor
    -Wnull-dereference
    -Wold-style-cast
    -Woverloaded-virtual
    -Wshadow=local
    -Wsuggest-override
    -Wundef
    -Wunused)

if(RENTDESK_WERROR)
    target_compile_options(rentdesk_build_options INTERFACE -Werror)
endif()

if(RENTDESK_SANITIZE)
    # Abort on the first finding so that CTest sees a failure, and keep assertions on.
    set(_rentdesk_sanitizers -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_compile_options(rentdesk_build_options INTERFACE ${_rentdesk_sanitizers})
    target_link_options(rentdesk_build_options INTERFACE ${_rentdesk_sanitizers})
    target_compile_definitions(rentdesk_build_options INTERFACE _GLIBCXX_ASSERTIONS QT_FORCE_ASSERTS)
endif()
