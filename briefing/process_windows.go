package briefing

import (
	"errors"
	"syscall"
)

// processQueryLimitedInformation is PROCESS_QUERY_LIMITED_INFORMATION,
// the least access that lets GetExitCodeProcess look.
const processQueryLimitedInformation = 0x1000

// stillActive is STILL_ACTIVE, the exit code of a process still running.
const stillActive = 259

// errorInvalidParameter is ERROR_INVALID_PARAMETER, OpenProcess's answer
// for an ID no process has.
const errorInvalidParameter = syscall.Errno(87)

// processExists asks Windows whether pid names a running process: no such
// process makes OpenProcess fail with ERROR_INVALID_PARAMETER; one that is
// someone else's refuses access but exists. Assuming every process alive,
// as systems without a way to ask must, would keep the work a crash left
// behind from ever being offered back.
func processExists(pid int) bool {
	h, err := syscall.OpenProcess(processQueryLimitedInformation, false, uint32(pid))
	if err != nil {
		return !errors.Is(err, errorInvalidParameter)
	}
	defer syscall.CloseHandle(h)
	var code uint32
	if err := syscall.GetExitCodeProcess(h, &code); err != nil {
		return true
	}
	return code == stillActive
}
