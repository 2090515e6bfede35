#ifndef CHAPERONE_ZLIB_SHIM_H
#define CHAPERONE_ZLIB_SHIM_H
#include <zlib.h>
#endif
