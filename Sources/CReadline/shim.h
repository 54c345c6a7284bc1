// GNU readline and its history functions, for the rapport executable.
// stdio.h must come first: readline.h uses FILE without including it.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
