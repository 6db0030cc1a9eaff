/* main.c — STUB, to be replaced by its owner */
#include "config.h"
int main (int argc, char **argv) { return 0; }
