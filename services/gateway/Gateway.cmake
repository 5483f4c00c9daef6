# mg_gateway: the data plane, the admin API and their composition (included from services/gateway/CMakeLists.txt).
find_package(Boost 1.81 REQUIRED COMPONENTS json)
# No Beast here: the HTTP plumbing is mg_http's.
add_library(mg_gateway
    ${CMAKE_CURRENT_SOURCE_DIR}/Core.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/DataPlane.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/AdminApi.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/Gateway.cpp
)
target_include_directories(mg_gateway PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(mg_gateway
    PUBLIC mg_http mg_gateway_store mg_gateway_inspect mg_gateway_support mg_gateway_auth mg_policy mg_risk mg_watermark
    PRIVATE Boost::json)
mg_set_warnings(mg_gateway)
