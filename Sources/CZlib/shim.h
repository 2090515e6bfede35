#ifndef CHAPERONE_CZLIB_SHIM_H
#define CHAPERONE_CZLIB_SHIM_H
#include <zlib.h>
#endif
