#ifndef ARSPLAN_CLIBICAL_SHIM_H
#define ARSPLAN_CLIBICAL_SHIM_H
#include <libical/ical.h>
#endif
