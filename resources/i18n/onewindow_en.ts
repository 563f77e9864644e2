<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminEntry</name>
    <message>
        <source>No admin PIN is set on this kiosk. Set one with: onewindow-tool admin set-pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs. Admin mode is locked until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin mode cannot open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before admin mode locks.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminOverlay</name>
    <message>
        <source>Admin mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock and leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPages</name>
    <message>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place a card on a reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: read %2, %3 (%4 ms after arming)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: read failed (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting item(s) will be sent now.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The queue could not be changed: see the logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 item(s) to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>valid until %1 (%n day(s) left)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No hub is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the diagnostics bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The changes apply when the kiosk restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaving the kiosk is not allowed on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssistBar</name>
    <message>
        <source>Need help? Staff can do this with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask staff for help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssistController</name>
    <message>
        <source>About %1 min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need help? Staff can do this with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling a member of staff for you…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request has reached the staff. Someone will come to this kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A member of staff is on the way to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff have your request. You are number %1 in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff cannot be called from this kiosk right now. Please go to the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This hall takes help requests at the service desk. Please go to the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request could not be sent. Please press the button again, or go to the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place your ID card on the reader below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted: resident ID card, residence permit for Hong Kong, Macao and Taiwan residents, foreign permanent resident ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please take your card with you.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardAwayPrompt</name>
    <message>
        <source>Your card has been removed. To continue, put your card back on the reader, or finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not the card this application was started with. Please put back your own card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Finish and clear my information</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardErrorScreen</name>
    <message>
        <source>Back to start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <source>What would you like to do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found. Try another word or ask the staff for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check my applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigEditor</name>
    <message>
        <source>Hub URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub connect timeout (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub request timeout (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elderly mode by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle limit on the identity screen (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle limit on forms (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This setting cannot be changed in admin mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub URL must start with https:// and name a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose zh_CN, zh_TW or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose on or off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the marked settings first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit to the desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>May we use your e-licences?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fill in the form for you, this kiosk looks up the electronic licences registered to your ID number (for example your household register) and copies the needed entries into the form. Purpose: only this application. Data used: your name, ID number and the licence entries shown on the form. They are sent encrypted to the handling department and deleted from this kiosk within 72 hours after delivery. You may refuse: then you type the entries yourself and bring the paper documents to the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, I will type it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I agree</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoController</name>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo card panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: simulated card reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next read fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigitPad</name>
    <message>
        <source>Delete last digit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormController</name>
    <message numerus="yes">
        <source>%n entry(ies) still to fill in</source>
        <translation>
            <numerusform>%n entry still to fill in</numerusform>
            <numerusform>%n entries still to fill in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormFieldEditor</name>
    <message>
        <source>Wrong? Ask staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <source>Please check the form and fill in the missing entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityScreen</name>
    <message>
        <source>Card read. Please check that this is you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your information stays on this kiosk only while you are here and is cleared when you leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish and clear my information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check my applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains a rare character (生僻字)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message numerus="yes">
        <source>Are you still there? In %n second(s) this session ends and your information is cleared.</source>
        <translation>
            <numerusform>Are you still there? In %n second this session ends and your information is cleared.</numerusform>
            <numerusform>Are you still there? In %n seconds this session ends and your information is cleared.</numerusform>
        </translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemDetailScreen</name>
    <message>
        <source>This service cannot be completed at the kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who can apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(if applicable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-licence accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <source>24-hour government self-service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogsPage</name>
    <message>
        <source>Export a diagnostics bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No USB stick found. Insert one, or type a directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent log lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Looking up your e-licences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving your application…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <source>This kiosk is temporarily out of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please use another kiosk or go to a service counter. We are sorry for the inconvenience.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneFields</name>
    <message>
        <source>Mainland China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other country or region (+ code)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Technician PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressScreen</name>
    <message>
        <source>Check my applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the applications of my card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused (hub refused our certificate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by the hub (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the list to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export: insert a USB stick</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <source>Very satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy of the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ease of use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for your rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How was this service?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went wrong?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate anonymously</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadersPage</name>
    <message>
        <source>Readers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reader is attached or configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingScreen</name>
    <message>
        <source>Reading your card. Please do not move it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>Your application has been saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code of your query code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the QR code or keep the query code to check progress later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate this service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please take your card with you.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResidentMessages</name>
    <message>
        <source>Resident ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign permanent resident ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was moved before reading finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card could not be read completely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card cannot be recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of card is not supported here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card data could not be verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading took too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card reader is not working right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please place the card flat on the reader again and keep it still until you hear the tone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please use a resident ID card, a residence permit for Hong Kong, Macao and Taiwan residents, or a foreign permanent resident ID card. Staff can help you at the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please try once more. If it still fails, staff at the counter will help you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing you entered has been lost. Please ask staff for help, or use another kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card expired on %1. Some services need a valid card; staff can advise you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card is valid only from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long-term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done on the spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>From: your ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: e-licence %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-licence used, no paper needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your ID card has been read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May be handed in later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by your written promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please hand in the paper at the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill this in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter at least %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a date like 2024-05-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ID number is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose one of the options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check the format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this kiosk. It is sent automatically as soon as the network is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your application could not be saved. Nothing was sent. Please try again or ask the staff for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received by the department, being processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted, please ask the staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this kiosk, waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kiosk is offline: this shows what the kiosk itself knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application found for this query code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned: please supply the missing materials at the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a valid mainland China phone number (mobile: 11 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a valid Hong Kong phone number (8 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a valid Macao phone number (8 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a valid Taiwan phone number (mobile: 09 and 8 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a valid phone number for the country or region chosen</source>
        <translation></translation>
    </message>
    <message>
        <source>Your name contains a rare character (生僻字) that this screen cannot show. It is kept exactly as on your card.</source>
        <translation></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please take your card with you.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Please check before you submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no (offline kiosk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock offset (hub − kiosk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub latency (last request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub commands received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
