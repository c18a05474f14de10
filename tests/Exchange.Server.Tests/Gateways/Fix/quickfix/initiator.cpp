// A thin QuickFIX C++ FIX 4.4 initiator driven line by line from stdin, for the interop tests
// (QuickFixInteropTests). It runs one session described by a QuickFIX settings file (argv[1]) and adds
// Username/Password (argv[2], argv[3]) to its Logon.
//
// stdin:   start | send <tag=value|tag=value|...> (35=... included) | logout | seqnums | stop
// stdout:  one line per event: LOGON, LOGOUT, IN <message>, OUT <message>, SEQ <next sender> <next target>,
//          ERROR <text>; messages with SOH shown as '|'. Admin and application messages both appear as IN/OUT,
//          so the test sees ResendRequests, gap fills and PossDup resends as QuickFIX handles them.
#include <quickfix/Application.h>
#include <quickfix/FileStore.h>
#include <quickfix/Message.h>
#include <quickfix/FileLog.h>
#include <quickfix/Session.h>
#include <quickfix/SessionSettings.h>
#include <quickfix/SocketInitiator.h>

#include <algorithm>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>

namespace {

std::mutex outputLock;

void emit(const std::string& line) {
  std::lock_guard<std::mutex> guard(outputLock);
  std::cout << line << std::endl;
}

std::string show(const FIX::Message& message) {
  std::string text = message.toString();
  std::replace(text.begin(), text.end(), '\x01', '|');
  return text;
}

class Bridge : public FIX::Application {
 public:
  Bridge(std::string username, std::string password) : username_(std::move(username)), password_(std::move(password)) {}

  FIX::SessionID session;

  void onCreate(const FIX::SessionID& id) override { session = id; }
  void onLogon(const FIX::SessionID&) override { emit("LOGON"); }
  void onLogout(const FIX::SessionID&) override { emit("LOGOUT"); }

  void toAdmin(FIX::Message& message, const FIX::SessionID&) override {
    if (message.getHeader().getField(FIX::FIELD::MsgType) == "A") {
      if (!username_.empty()) message.setField(553, username_);
      if (!password_.empty()) message.setField(554, password_);
    }
    emit("OUT " + show(message));
  }

  void toApp(FIX::Message& message, const FIX::SessionID&) throw(FIX::DoNotSend) override { emit("OUT " + show(message)); }

  void fromAdmin(const FIX::Message& message, const FIX::SessionID&)
      throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) override {
    emit("IN " + show(message));
  }

  void fromApp(const FIX::Message& message, const FIX::SessionID&)
      throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) override {
    emit("IN " + show(message));
  }

 private:
  std::string username_;
  std::string password_;
};

// "35=D|11=a|55=AAPL|..." -> a message with the header's MsgType and the body fields in order.
FIX::Message parse(const std::string& fields) {
  FIX::Message message;
  std::stringstream stream(fields);
  std::string field;
  while (std::getline(stream, field, '|')) {
    auto eq = field.find('=');
    if (eq == std::string::npos) continue;
    int tag = std::stoi(field.substr(0, eq));
    std::string value = field.substr(eq + 1);
    if (tag == 35) {
      message.getHeader().setField(tag, value);
    } else {
      message.setField(tag, value);
    }
  }
  return message;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: initiator SETTINGS [USERNAME PASSWORD]" << std::endl;
    return 2;
  }
  try {
    FIX::SessionSettings settings(argv[1]);
    Bridge bridge(argc > 2 ? argv[2] : "", argc > 3 ? argv[3] : "");
    FIX::FileStoreFactory store(settings);
    FIX::FileLogFactory log(settings);
    FIX::SocketInitiator initiator(bridge, store, settings, log);
    std::string line;
    while (std::getline(std::cin, line)) {
      if (line == "start") {
        initiator.start();
      } else if (line.rfind("send ", 0) == 0) {
        FIX::Message message = parse(line.substr(5));
        if (!FIX::Session::sendToTarget(message, bridge.session)) emit("ERROR not sent");
      } else if (line == "logout") {
        if (FIX::Session* session = FIX::Session::lookupSession(bridge.session)) session->logout();
      } else if (line == "seqnums") {
        if (FIX::Session* session = FIX::Session::lookupSession(bridge.session)) {
          emit("SEQ " + std::to_string(session->getExpectedSenderNum()) + " " + std::to_string(session->getExpectedTargetNum()));
        }
      } else if (line == "stop") {
        break;
      }
    }
    initiator.stop();
  } catch (const std::exception& e) {
    emit(std::string("ERROR ") + e.what());
    return 1;
  }
  return 0;
}
