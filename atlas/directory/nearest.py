"""Nearest-first rows from statements compiled once and run for any point.

"Near me" and "near an address" ask the same question with a different point each time. The database
answers it in well under a millisecond from the GiST index of ``location_metric``; building and
compiling the Django query took several times as long (measured in benchmarks/directory_api.py).
So the point enters the SQL as parameters bound at execution (``NearPoint``), as do the ids of the
entries shown at planning-area level that land on a page (``AmongIds``). Each statement is compiled
once per *shape* — model, filters, fields, page end — and kept per thread (a compiler belongs to its
thread's connection); on PostgreSQL it is also prepared on the server, so it is not planned again.
Rows are converted by Django's own converters, so they equal what ``values_list`` gives.

On PostGIS the order is the KNN operator ``<->`` (index scan); SpatiaLite has no such operator and
orders by ``Distance``, then pk.
"""

import itertools
import json
import re
import threading
import weakref
from collections import OrderedDict

from django.conf import settings
from django.contrib.gis.db.models import PointField
from django.contrib.gis.db.models.functions import Distance, GeometryDistance
from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, F, FloatField, Func

MAX_STATEMENTS = 256  # per thread; one per combination of filters, fields and page in use


class Placeholder:
    """A statement parameter bound when the statement runs."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"<{self.name}>"


NEAR_X = Placeholder("near x")
NEAR_Y = Placeholder("near y")
IDS = Placeholder("ids")


class NearPoint(Func):
    """The point of ``near`` in EPSG:25833 as two parameters bound when the statement runs."""

    output_field = PointField(srid=settings.METRIC_SRID)

    def as_sql(self, compiler, connection, **extra_context):
        return f"ST_SetSRID(ST_MakePoint(%s, %s), {settings.METRIC_SRID:d})", [NEAR_X, NEAR_Y]

    def as_sqlite(self, compiler, connection, **extra_context):
        return f"MakePoint(%s, %s, {settings.METRIC_SRID:d})", [NEAR_X, NEAR_Y]


class AmongIds(Func):
    """``pk`` in a list of ids bound when the statement runs: one statement for any number of ids."""

    output_field = BooleanField()
    conditional = True

    def __init__(self):
        super().__init__(F("pk"))

    def as_sql(self, compiler, connection, template="%(expressions)s = ANY(%%s)", **extra_context):
        sql, params = super().as_sql(compiler, connection, template=template, **extra_context)
        return sql, [*params, IDS]

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="%(expressions)s IN (SELECT value FROM json_each(%%s))",
                           **extra_context)


class _Statement:
    """One compiled statement. On PostgreSQL it is also prepared on the server (once per database
    connection), which spares the planning of every run; prepared statements live as long as the
    session, so this needs direct connections or session pooling, as deployed."""

    def __init__(self, queryset):
        self.compiler = queryset.query.get_compiler(queryset.db)
        self.sql, self.params = self.compiler.as_sql()
        self.connection = self.compiler.connection
        self.name = None
        self._prepared_on = None  # weak reference to the database connection that holds it

    def rows(self, bindings):
        """Rows for ``bindings`` ({Placeholder: value}), converted as ``values_list`` converts them."""
        params = [bindings[p] if isinstance(p, Placeholder) else p for p in self.params]
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                self._prepare(cursor)
                cursor.execute(f"EXECUTE {self.name}({', '.join(['%s'] * len(params))})", params)
            else:
                cursor.execute(self.sql, params)
            fetched = cursor.fetchall()
        return list(self.compiler.results_iter(results=[fetched], tuple_expected=True))

    def _prepare(self, cursor):
        session = self.connection.connection
        if self._prepared_on is not None and self._prepared_on() is session:
            return
        self.name = f"atlas_nearest_{next(_names)}"
        cursor.execute(f"PREPARE {self.name} AS {_numbered(self.sql)}")
        self._prepared_on = weakref.ref(session)

    def release(self):
        """Removes the prepared statement from the server when this connection holds it."""
        if self._prepared_on is not None and self._prepared_on() is self.connection.connection:
            with self.connection.cursor() as cursor:
                cursor.execute(f"DEALLOCATE {self.name}")
        self._prepared_on = None


_names = itertools.count(1)


def _numbered(sql):
    """Django's ``%s`` placeholders as PostgreSQL's ``$1, $2, …`` (``%%`` is a literal ``%``)."""
    numbers = itertools.count(1)
    return re.sub(r"%[%s]", lambda match: "%" if match.group() == "%%" else f"${next(numbers)}", sql)


_local = threading.local()


def _statement(key, build):
    """The statement of ``key`` in this thread, compiled from ``build()`` when missing (every call
    when ``key`` is None)."""
    statements = getattr(_local, "statements", None)
    if statements is None:
        statements = _local.statements = OrderedDict()
    statement = statements.get(key) if key is not None else None
    if statement is not None:
        statements.move_to_end(key)
        return statement
    statement = _Statement(build())
    if key is not None:
        statements[key] = statement
        while len(statements) > MAX_STATEMENTS:
            statements.popitem(last=False)[1].release()
    return statement


def forget_statements():
    """Drops this thread's statements (and their prepared statements on the server)."""
    statements = getattr(_local, "statements", None) or {}
    for statement in statements.values():
        statement.release()
    statements.clear()


def nearest_rows(build, fields, limit, point, key=None):
    """``[(*fields, distance)]`` of the ``limit`` entries of ``build()`` (a queryset) nearest to
    ``point`` (EPSG:25833), nearest first, ``distance`` in metres.

    ``key`` names the shape of the statement: calls with equal keys must build the same queryset
    (up to the point). Without a key the statement is compiled for this call only."""

    def compile_nearest():
        # Metres as a plain float: the same on both backends (planar EPSG:25833), without a measure
        # object per row.
        queryset = build().annotate(distance=ExpressionWrapper(Distance("location_metric", NearPoint()),
                                                               output_field=FloatField()))
        if connections[queryset.db].vendor == "postgresql":
            # KNN on the GiST index of location_metric. A second sort key would make PostgreSQL sort
            # every matching row instead, so the caller orders equal distances.
            queryset = queryset.order_by(GeometryDistance("location_metric", NearPoint()))
        else:
            queryset = queryset.order_by("distance", "pk")
        return queryset.values_list(*fields, "distance")[:limit]

    x, y = point.coords
    return _statement(key and ("nearest", key), compile_nearest).rows({NEAR_X: x, NEAR_Y: y})


def rows_with_ids(build, fields, ids, key=None):
    """``values_list(*fields)`` of the entries of ``build()`` whose pk is in ``ids``, in no order;
    ``key`` as for nearest_rows."""
    statement = _statement(key and ("ids", key), lambda: build().filter(AmongIds()).order_by().values_list(*fields))
    ids = [int(pk) for pk in ids]
    return statement.rows({IDS: ids if statement.connection.vendor == "postgresql" else json.dumps(ids)})
