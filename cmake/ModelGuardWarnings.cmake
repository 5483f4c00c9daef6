# mg_set_warnings(target): the project's warning set for its own code. With MG_WERROR (CI) warnings are errors.
function(mg_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wold-style-cast -Wcast-align -Woverloaded-virtual)
    if(MG_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
