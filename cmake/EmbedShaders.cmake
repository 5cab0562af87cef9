# Shaders stay as .vert/.frag files in shaders/ and are compiled into the binary as
# strings, so the program needs no install path to find them.
function(legatlas_embed_shaders target shader_dir)
  file(GLOB shader_files CONFIGURE_DEPENDS "${shader_dir}/*.vert" "${shader_dir}/*.frag")
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_shaders.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DSHADER_DIR=${shader_dir}
            -P "${PROJECT_SOURCE_DIR}/cmake/WriteShaderSource.cmake"
    DEPENDS ${shader_files} "${PROJECT_SOURCE_DIR}/cmake/WriteShaderSource.cmake"
    COMMENT "Embedding shaders")
  target_sources(${target} PRIVATE "${out}")
endfunction()
