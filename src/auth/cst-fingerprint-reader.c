/* cst-fingerprint-reader.c — STUB, to be replaced by its owner */
#include "config.h"
