#ifndef ARSPLAN_CYAML_SHIM_H
#define ARSPLAN_CYAML_SHIM_H
#include <yaml.h>
#endif
