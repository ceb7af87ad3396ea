#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU; exposing ICU types clashes with Foundation's
// copy ('UErrorCode' has different definitions). Nothing here needs ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

// xmlFree is a C global function pointer, which Swift 6 rejects as shared
// mutable state; call it through a function instead.
static inline void clibxml2_free(void *p) { xmlFree(p); }
#endif
