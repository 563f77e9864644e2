<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssistBar</name>
    <message>
        <source>Staff have been called and will be with you shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need help? Staff can do this with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask staff for help</source>
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
</context>
<context>
    <name>CardErrorScreen</name>
    <message>
        <source>Back to start</source>
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
    <name>ReadingScreen</name>
    <message>
        <source>Reading your card. Please do not move it.</source>
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
</context>
</TS>
