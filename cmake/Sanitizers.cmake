# Sanitizer and fuzzing instrumentation, applied to every target of the build.
if(CORIUM_FUZZ)
  # Instrument all code under test; only the fuzz executables link libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
if(CORIUM_SANITIZE OR CORIUM_FUZZ)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined
    $<$<CXX_COMPILER_ID:Clang>:-fno-sanitize=function>)
  add_link_options(-fsanitize=address,undefined)
endif()
if(NOT CORIUM_SANITIZE AND NOT CORIUM_FUZZ)
  add_compile_options($<$<CONFIG:Release,RelWithDebInfo>:-D_FORTIFY_SOURCE=2>
                      -fstack-protector-strong -D_GLIBCXX_ASSERTIONS)
endif()
