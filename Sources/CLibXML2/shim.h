#ifndef ORGHEALTH_CLIBXML2_SHIM_H
#define ORGHEALTH_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, and its headers then pull in the system ICU headers,
 * which clash with the ICU copy inside Foundation on Linux ("'UErrorCode' has different
 * definitions in different modules") in any module that imports both. The ICU part of the
 * headers only adds two trailing fields to xmlCharEncodingHandler, which we never read or
 * allocate, so it is switched off here. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlstring.h>
#include <libxml/xpath.h>
#endif
