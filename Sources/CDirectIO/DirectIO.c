#define _GNU_SOURCE
#include <fcntl.h>
#include "DirectIO.h"

int orghealth_set_direct_io(int descriptor, int on) {
#ifdef O_DIRECT
    int flags = fcntl(descriptor, F_GETFL);
    if (flags < 0) return -1;
    int wanted = on ? (flags | O_DIRECT) : (flags & ~O_DIRECT);
    if (wanted != flags && fcntl(descriptor, F_SETFL, wanted) != 0) return -1;
    int now = fcntl(descriptor, F_GETFL);
    if (now < 0) return -1;
    return ((now & O_DIRECT) != 0) == (on != 0) ? 0 : -1;
#else
    (void)descriptor;
    (void)on;
    return -1;
#endif
}
