# mg_add_gtest(NAME name SOURCES ... LIBS ... [LABELS ...] [TIMEOUT seconds])
# One GoogleTest binary per module; every test case becomes a ctest test.
function(mg_add_gtest)
    cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
    target_compile_definitions(${ARG_NAME} PRIVATE MG_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                                   MG_BINARY_DIR="${PROJECT_BINARY_DIR}")
    mg_set_warnings(${ARG_NAME})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60
                         PROPERTIES TIMEOUT ${ARG_TIMEOUT} LABELS "${ARG_LABELS}")
endfunction()
