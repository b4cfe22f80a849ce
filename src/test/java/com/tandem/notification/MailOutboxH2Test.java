package com.tandem.notification;

import com.tandem.testsupport.MigratedDatabase;

/** The mail outbox on H2, Tandem's default database. */
class MailOutboxH2Test extends MailOutboxContract {

  @Override
  MigratedDatabase createDatabase() {
    return MigratedDatabase.h2();
  }
}
