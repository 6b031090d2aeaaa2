/* Test-only stand-in for bcryptprimitives.dll, which Windows 10 and 11 have and Wine 8 lacks:
 * Rust's standard library takes its random bytes from ProcessPrng there. CI puts this into the
 * throwaway Wine prefix's system32 (.ci/windows.sh); it is never shipped. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG part = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (BCryptGenRandom(NULL, data, part, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += part;
        length -= part;
    }
    return TRUE;
}
