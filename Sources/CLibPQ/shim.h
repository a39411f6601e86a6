#ifndef MINSHENG_CLIBPQ_SHIM_H
#define MINSHENG_CLIBPQ_SHIM_H
/*
 * PostgreSQL's own C client (Debian libpq-dev): its types and constants only. The library
 * itself is not linked: the PostgreSQL executor loads libpq.so.5 with dlopen the first time
 * a shell opens a server, so a shell on a SQLite file starts without it and its two dozen
 * dependencies (TLS, Kerberos, LDAP).
 */
#include <postgresql/libpq-fe.h>
#endif
