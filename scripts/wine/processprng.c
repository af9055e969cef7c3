/* Test equipment for scripts/windows-test.sh, never shipped.
 *
 * Go programs since Go 1.24 get their random bytes from ProcessPrng in
 * bcryptprimitives.dll, which every supported Windows has, and load that
 * DLL from system32 at start-up. Debian 12's Wine 8.0 has no such DLL, so a
 * Go 1.24+ Windows program dies there before main. This stand-in exports
 * ProcessPrng on top of RtlGenRandom (advapi32's SystemFunction036, which
 * Wine has); the test copies it into its own Wine prefix's system32.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll processprng.c
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}
