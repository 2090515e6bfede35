#ifndef CHAPERONE_CLIBXML2_SHIM_H
#define CHAPERONE_CLIBXML2_SHIM_H
/*
 * Debian's libxml2 is built with ICU, so <libxml/encoding.h> pulls in the system's
 * <unicode/ucnv.h>. Swift's Foundation carries its own copy of the ICU headers, and a
 * module that imports both sees two different `enum UErrorCode`s and fails to build.
 * Chaperone never touches the ICU members of xmlCharEncodingHandler (it neither
 * allocates one nor reads its fields), so the ICU part of the headers is left out.
 */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
