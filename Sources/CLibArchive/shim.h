#ifndef CHAPERONE_LIBARCHIVE_SHIM_H
#define CHAPERONE_LIBARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#endif
