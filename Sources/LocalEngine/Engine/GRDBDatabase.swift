import GRDB

/// The store's transaction handle, named here so engine files need not import GRDB.
typealias GRDBDatabase = Database
