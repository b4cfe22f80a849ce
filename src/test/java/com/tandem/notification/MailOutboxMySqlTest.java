package com.tandem.notification;

import com.tandem.testsupport.MigratedDatabase;
import com.tandem.testsupport.RequiresMySql;

/** The mail outbox on the MySQL-protocol server, in a scratch database dropped afterwards. */
@RequiresMySql
class MailOutboxMySqlTest extends MailOutboxContract {

  @Override
  MigratedDatabase createDatabase() {
    return MigratedDatabase.mysql();
  }
}
