#ifndef ORGHEALTH_DIRECT_IO_H
#define ORGHEALTH_DIRECT_IO_H

/// Turns direct I/O (Linux `O_DIRECT`: writes go from the caller's buffer to the disk, not
/// through the page cache) on (`on` = 1) or off (0) for an open file. Returns 0 when the file
/// is now as asked, -1 when it cannot be (the file system refuses `O_DIRECT`, or the system
/// has no such flag): the file is then left as it was.
///
/// A C function because `O_DIRECT` is defined only with `_GNU_SOURCE`, which Swift's Glibc
/// module is not built with. Direct writes need the buffer's address, the length and the file
/// offset to be multiples of the device's logical block size (4,096 covers every device).
int orghealth_set_direct_io(int descriptor, int on);

#endif
