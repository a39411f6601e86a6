#ifndef MINSHENG_CLIBPQ_SHIM_H
#define MINSHENG_CLIBPQ_SHIM_H
/* PostgreSQL's own C client (Debian libpq-dev), used by the PostgreSQL executor only. */
#include <libpq-fe.h>
#endif
