#ifndef INTERLOCK_CGRAPHVIZ_SHIM_H
#define INTERLOCK_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// `Agdirected` is a mutable C global, which Swift 6 strict concurrency rejects; read it here.
static inline Agdesc_t interlock_agdirected(void) { return Agdirected; }

/// The default memory and I/O disciplines (mutable C globals too), for a custom `Agdisc_t`.
static inline Agmemdisc_t *interlock_agmemdisc(void) { return &AgMemDisc; }
static inline Agiodisc_t *interlock_agiodisc(void) { return &AgIoDisc; }
#endif
