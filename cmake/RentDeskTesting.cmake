# SPDX-License-Identifier: GPL-3.0-or-later
#
# rentdesk_add_test(<name> SOURCES <files...> LIBRARIES <targets...> LABELS <labels...>)
#
# One QtTest executable per class or feature. Each test runs offscreen, with its own
# settings and data directories under the build tree, so that no test reads or writes
# the developer's real RentDesk configuration.

find_package(Qt6 6.4 REQUIRED COMPONENTS Test)

function(rentdesk_add_test name)
    cmake_parse_arguments(arg "" "TIMEOUT" "SOURCES;LIBRARIES;LABELS;DEFINITIONS" ${ARGN})
    if(NOT arg_LABELS)
        message(FATAL_ERROR "rentdesk_add_test(${name}): give LABELS (unit, integration or gui)")
    endif()
    add_executable(${name} ${arg_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test RentDesk::BuildOptions rentdesk_testsupport ${arg_LIBRARIES})
    target_compile_definitions(${name} PRIVATE
        RENTDESK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        RENTDESK_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        ${arg_DEFINITIONS})
    add_test(NAME ${name} COMMAND ${name})
    set(home "${CMAKE_CURRENT_BINARY_DIR}/${name}.home")
    set_tests_properties(${name} PROPERTIES
        LABELS "${arg_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;HOME=${home};XDG_CONFIG_HOME=${home}/config;XDG_DATA_HOME=${home}/data;XDG_CACHE_HOME=${home}/cache")
    if(arg_TIMEOUT)
        set_tests_properties(${name} PROPERTIES TIMEOUT ${arg_TIMEOUT})
    endif()
endfunction()

# rentdesk_add_postgres_variant(<name>)
#
# Runs the test <name> a second time, as <name>_postgresql, with its servers on PostgreSQL
# (RENTDESK_TEST_ENGINE=postgresql; tests/support/postgrescluster.h): the test binary starts a
# throw-away cluster of its own. Same labels, timeout and environment otherwise.
function(rentdesk_add_postgres_variant name)
    get_test_property(${name} ENVIRONMENT environment)
    get_test_property(${name} LABELS labels)
    get_test_property(${name} TIMEOUT timeout)
    add_test(NAME ${name}_postgresql COMMAND ${name})
    set_tests_properties(${name}_postgresql PROPERTIES
        LABELS "${labels};postgresql"
        ENVIRONMENT "${environment};RENTDESK_TEST_ENGINE=postgresql")
    if(timeout)
        set_tests_properties(${name}_postgresql PROPERTIES TIMEOUT ${timeout})
    endif()
endfunction()
