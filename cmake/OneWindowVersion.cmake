# The one version string of the kiosk, the tool, the heartbeat and the Debian package, from
# `git describe` (issue 8 item 5). It must also be a valid, increasing Debian version:
#   on a tag vX.Y.Z                 → X.Y.Z
#   N commits after tag vX.Y.Z      → X.Y.Z+gitN.gHASH
#   no tag yet                      → PROJECT_VERSION+gitN.gHASH (N = commits on HEAD)
#   uncommitted changes             → ….dirty appended
#   no git (source tarball)         → PROJECT_VERSION
# Result: ONEWINDOW_VERSION_STRING (cache, internal) and the INTERFACE target onewindow_version,
# which gives its users the compile definition ONEWINDOW_VERSION="…".
include_guard(GLOBAL)

find_package(Git QUIET)
set(_ow_version "${PROJECT_VERSION}")
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" describe --tags --long --dirty --match "v[0-9]*"
                  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE _ow_describe
                  RESULT_VARIABLE _ow_rc OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(_ow_rc EQUAL 0 AND _ow_describe MATCHES "^v([0-9][0-9.]*)-([0-9]+)-g([0-9a-f]+)(-dirty)?$")
    set(_ow_version "${CMAKE_MATCH_1}")
    set(_ow_count "${CMAKE_MATCH_2}")
    set(_ow_hash "${CMAKE_MATCH_3}")
    set(_ow_dirty "${CMAKE_MATCH_4}")
  else()
    # No release tag yet: count every commit so versions still increase along the branch.
    execute_process(COMMAND "${GIT_EXECUTABLE}" describe --always --dirty --abbrev=7
                    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE _ow_describe
                    RESULT_VARIABLE _ow_rc OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    execute_process(COMMAND "${GIT_EXECUTABLE}" rev-list --count HEAD
                    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE _ow_count
                    RESULT_VARIABLE _ow_rc2 OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(_ow_rc EQUAL 0 AND _ow_rc2 EQUAL 0 AND _ow_describe MATCHES "^([0-9a-f]+)(-dirty)?$")
      set(_ow_hash "${CMAKE_MATCH_1}")
      set(_ow_dirty "${CMAKE_MATCH_2}")
    else()
      set(_ow_count "")
    endif()
  endif()
  if(_ow_count AND NOT _ow_count STREQUAL "0")
    string(APPEND _ow_version "+git${_ow_count}.g${_ow_hash}")
  endif()
  if(_ow_dirty)
    if(_ow_version MATCHES "\\+")
      string(APPEND _ow_version ".dirty")
    else()
      string(APPEND _ow_version "+dirty")
    endif()
  endif()
  # Re-run configure when HEAD moves (a commit, a checkout), so the version follows.
  foreach(_ow_ref HEAD packed-refs)
    if(EXISTS "${PROJECT_SOURCE_DIR}/.git/${_ow_ref}")
      set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
                   "${PROJECT_SOURCE_DIR}/.git/${_ow_ref}")
    endif()
  endforeach()
  # In a git worktree .git is a file ("gitdir: …"), not a directory: no HEAD to watch there.
  set(_ow_head "")
  if(IS_DIRECTORY "${PROJECT_SOURCE_DIR}/.git")
    file(READ "${PROJECT_SOURCE_DIR}/.git/HEAD" _ow_head)
  endif()
  if(_ow_head MATCHES "^ref: ([^\n]+)")
    if(EXISTS "${PROJECT_SOURCE_DIR}/.git/${CMAKE_MATCH_1}")
      set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
                   "${PROJECT_SOURCE_DIR}/.git/${CMAKE_MATCH_1}")
    endif()
  endif()
endif()

set(ONEWINDOW_VERSION_STRING "${_ow_version}" CACHE INTERNAL "OneWindow version (git describe)")
message(STATUS "OneWindow version: ${ONEWINDOW_VERSION_STRING}")

add_library(onewindow_version INTERFACE)
target_compile_definitions(onewindow_version INTERFACE ONEWINDOW_VERSION="${ONEWINDOW_VERSION_STRING}")
