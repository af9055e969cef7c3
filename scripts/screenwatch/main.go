// Command screenwatch prints the time (Unix nanoseconds) at which a region
// of the X screen first changes: scripts/typing-latency.sh starts it, sends
// a keystroke, and takes the difference as the time the keystroke took to
// reach the screen, painting included. It polls the region every
// millisecond with XGetImage.
//
//	screenwatch X Y W H TIMEOUT_SECONDS   (prints "ready", then the time)
package main

/*
#cgo LDFLAGS: -lX11
#include <stdlib.h>
#include <string.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

// grab copies the region's pixels into buf (w*h*4 bytes); 0 on failure.
static int grab(Display *d, int x, int y, int w, int h, char *buf) {
	XImage *img = XGetImage(d, DefaultRootWindow(d), x, y, w, h, AllPlanes, ZPixmap);
	if (!img) return 0;
	for (int r = 0; r < h; r++)
		for (int c = 0; c < w; c++)
			((unsigned int *)buf)[r*w+c] = (unsigned int)XGetPixel(img, c, r);
	XDestroyImage(img);
	return 1;
}
*/
import "C"

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"time"
	"unsafe"
)

func main() {
	if len(os.Args) != 6 {
		fmt.Fprintln(os.Stderr, "usage: screenwatch X Y W H TIMEOUT_SECONDS")
		os.Exit(2)
	}
	var v [5]int
	for i := range v {
		n, err := strconv.Atoi(os.Args[i+1])
		if err != nil || n < 0 {
			fmt.Fprintf(os.Stderr, "screenwatch: %q is not a whole number\n", os.Args[i+1])
			os.Exit(2)
		}
		v[i] = n
	}
	x, y, w, h := v[0], v[1], v[2], v[3]
	d := C.XOpenDisplay(nil)
	if d == nil {
		fmt.Fprintln(os.Stderr, "screenwatch: cannot open the display")
		os.Exit(1)
	}
	size := w * h * 4
	base, cur := C.malloc(C.size_t(size)), C.malloc(C.size_t(size))
	defer C.free(base)
	defer C.free(cur)
	grab := func(buf unsafe.Pointer) bool {
		return C.grab(d, C.int(x), C.int(y), C.int(w), C.int(h), (*C.char)(buf)) != 0
	}
	if !grab(base) {
		fmt.Fprintln(os.Stderr, "screenwatch: cannot read the screen")
		os.Exit(1)
	}
	fmt.Println("ready")
	deadline := time.Now().Add(time.Duration(v[4]) * time.Second)
	for time.Now().Before(deadline) {
		if grab(cur) && !bytes.Equal(unsafe.Slice((*byte)(base), size), unsafe.Slice((*byte)(cur), size)) {
			fmt.Println(time.Now().UnixNano())
			return
		}
		time.Sleep(time.Millisecond)
	}
	fmt.Fprintln(os.Stderr, "screenwatch: no change before the timeout")
	os.Exit(1)
}
