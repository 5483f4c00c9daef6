# bench_payload: encode/decode/strip throughput of the invisible payload scheme against a copy and a UTF-8
# validation pass in the same run. Run: bench_payload [--corpus-mb N] [--reps N] [--doc-kb N]
add_executable(bench_payload ${CMAKE_CURRENT_LIST_DIR}/bench_payload.cpp)
target_link_libraries(bench_payload PRIVATE mg_watermark mg_text mg_crypto)
mg_set_warnings(bench_payload)
